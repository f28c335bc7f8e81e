package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/**
 * A 4xx/5xx that is not Cloudflare's own page: the origin's error passed through (or, off Cloudflare, the
 * site's own). 4xx uses the knowledge base's "client-error" variant.
 */
public final class EdgeStatusRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (x == null || !x.answered() || x.status() < 400
                || Observations.cloudflareCode(x) != null || Observations.isChallenge(x)) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.ORIGIN_HTTP_ERROR, String.valueOf(x.status()));
        return List.of(x.status() < 500 ? c.withVariant("client-error") : c);
    }
}
