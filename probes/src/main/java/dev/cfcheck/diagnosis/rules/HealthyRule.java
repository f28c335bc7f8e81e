package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.List;
import java.util.Set;

/**
 * The URL asked for got a whole 2xx or 3xx response through the edge, from the origin, without a loop or a
 * challenge: the positive evidence a healthy verdict needs. The lowest rank; any failure no rule explains
 * outranks it (INCONCLUSIVE).
 *
 * <p>One failure it does explain: the origin not accepting cfcheck's own connection while Cloudflare gets the
 * page from it. That is the recommended set-up (the origin allows only Cloudflare's addresses), and the
 * answer through Cloudflare proves the origin works; the verdict then says so (variant {@code originFiltered}).
 * Only when Cloudflare did ask the origin: a page from its cache proves nothing about the origin, and the
 * origin's failures then stay unexplained (INCONCLUSIVE).
 */
public final class HealthyRule implements Rule {

    /** Failures of a direct connection that an origin allowing only Cloudflare's addresses causes. */
    private static final Set<Failure.Kind> FILTERED = Set.of(
            Failure.Kind.TIMEOUT, Failure.Kind.REFUSED, Failure.Kind.UNREACHABLE, Failure.Kind.RESET,
            Failure.Kind.TLS_TIMEOUT, Failure.Kind.DEADLINE);

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (!seen.primaryComplete() || x.status() >= 400 || x.page() != null || x.redirectLoop()
                || CloudflareCodes.isChallenge(x)) {
            return List.of();
        }
        Candidate healthy = Candidate.of(Kind.HEALTHY, String.valueOf(x.status()));
        if (!CloudflareCodes.viaCloudflare(x) || CloudflareCodes.fromCache(x)) {
            return List.of(healthy);
        }
        List<ProbeFailure> filtered = seen.input().probes().failures(seen.target()).stream()
                .filter(f -> f.probe().equals(OriginsProbe.KEY.name()) || f.probe().equals(OriginTlsProbe.KEY.name()))
                .filter(f -> f.kind() != null && FILTERED.contains(f.kind()))
                .toList();
        if (filtered.isEmpty()) {
            return List.of(healthy);
        }
        Candidate c = healthy.withVariant("originFiltered");
        for (ProbeFailure f : filtered) {
            c = c.explaining(f.id()).withEvidence(f.line() + " (from here; Cloudflare reaches it)");
        }
        return List.of(c);
    }
}
