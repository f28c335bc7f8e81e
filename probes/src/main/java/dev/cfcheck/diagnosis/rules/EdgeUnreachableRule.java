package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.List;

/**
 * DNS answered but nothing came back from those addresses over HTTPS or HTTP (refused, unreachable, reset,
 * TLS failure, a stalled handshake...), and not because of the deadline (that is {@link EdgeSilentRule}'s case)
 * or a reply that broke ({@link BrokenReplyRule}'s). Code = how the
 * https attempt failed ("REFUSED", "TIMEOUT"...), or the http one when https was not tried.
 *
 * <p>Also the half-broken case: HTTPS fails while plain HTTP answers (an edge certificate not issued for the
 * host, Universal SSL off, a minimum TLS version the client cannot meet). Most visitors arrive over HTTPS, so
 * for them the site is down even though http:// works: variant "httpsOnly". The other way round, {@code http://}
 * asked for and failing while https answers, is variant "httpOnly": never "neither answered".
 */
public final class EdgeUnreachableRule implements Rule {

    private static final String EDGE = EdgeProbe.KEY.name();

    @Override
    public List<Candidate> evaluate(Observations seen) {
        if (!seen.dnsUsable()) {
            return List.of();
        }
        HttpExchange https = seen.edge() == null ? null : seen.edge().https();
        HttpExchange http = seen.edge() == null ? null : seen.edge().http();
        if (https != null && !https.answered() && https.failure() != null && !seen.silent(https) && !brokenReply(https)
                && http != null && http.answered()) {
            return List.of(Candidate.of(Kind.EDGE_UNREACHABLE, https.failure().kind().name()).withVariant("httpsOnly")
                    .withEvidence("https fails (" + https.failure().kind() + ") while http answers " + http.status())
                    .explaining(EDGE + " https")
                    .withAddress(Placeholder.EDGE_IP, seen.edgeAddress()));
        }
        HttpExchange asked = seen.primary();
        if ((asked != null && (asked.answered() || brokenReply(asked))) || seen.edgeSilent()) {
            return List.of();
        }
        if (asked != null && asked == http && https != null && https.answered()) {
            return List.of(Candidate.of(Kind.EDGE_UNREACHABLE, http.failure() == null ? null : http.failure().kind().name())
                    .withVariant("httpOnly")
                    .withEvidence("http fails (" + (http.failure() == null ? "no answer" : http.failure().kind()) + ") while https answers " + https.status())
                    .explaining(EDGE + " http")
                    .withAddress(Placeholder.EDGE_IP, seen.edgeAddress()));
        }
        String code = seen.exchanges().stream()
                .map(HttpExchange::failure)
                .filter(f -> f != null)
                .map(f -> f.kind().name())
                .findFirst().orElse(null);
        return List.of(Candidate.of(Kind.EDGE_UNREACHABLE, code).withAddress(Placeholder.EDGE_IP, seen.edgeAddress())
                .explaining(EDGE, OriginsProbe.KEY.name(), OriginTlsProbe.KEY.name()));
    }

    /** The edge was reached and its reply broke: {@link BrokenReplyRule}'s case, not an unreachable edge. */
    private static boolean brokenReply(HttpExchange x) {
        return x.failure() != null && x.failure().kind() == Failure.Kind.BROKEN_REPLY;
    }
}
