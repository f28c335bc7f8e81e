package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/**
 * DNS answered but nothing came back from those addresses over HTTPS or HTTP (refused, unreachable, reset,
 * TLS failure...), and not because of the deadline (that is {@link EdgeSilentRule}'s case). Code = how the
 * https attempt failed ("REFUSED", "TIMEOUT"...), or the http one when https was not tried.
 */
public final class EdgeUnreachableRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        if (!seen.dnsUsable() || seen.edgeAnswered() || seen.edgeSilent()) {
            return List.of();
        }
        String code = seen.exchanges().stream()
                .map(HttpExchange::failure)
                .filter(f -> f != null)
                .map(f -> f.kind().name())
                .findFirst().orElse(null);
        return List.of(Candidate.of(Kind.EDGE_UNREACHABLE, code).withAddress(Placeholder.EDGE_IP, seen.edgeAddress()));
    }
}
