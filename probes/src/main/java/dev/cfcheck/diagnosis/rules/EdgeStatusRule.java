package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/**
 * A 4xx/5xx that is not Cloudflare's own page: the origin's error passed through by Cloudflare, or, off
 * Cloudflare, the server's own ("direct" variants). A 4xx uses the client-error variants (a warning, not an outage).
 */
public final class EdgeStatusRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (x == null || !x.answered() || x.status() < 400
                || CloudflareCodes.seen(x) != null || CloudflareCodes.isChallenge(x)) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.ORIGIN_HTTP_ERROR, String.valueOf(x.status()));
        boolean clientError = x.status() < 500;
        if (!x.viaCloudflare()) {
            return List.of(c.withVariant(clientError ? "direct-client-error" : "direct"));
        }
        return List.of(clientError ? c.withVariant("client-error") : c);
    }
}
