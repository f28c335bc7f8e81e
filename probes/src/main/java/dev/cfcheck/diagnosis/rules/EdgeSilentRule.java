package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import java.util.List;

/**
 * The edge said nothing by the deadline. Cloudflare would answer 522 only after 19 s and 524 only after
 * 100 s, so instead of waiting the code is inferred from the origin probed directly: SYN unanswered → 522,
 * refused → 521, no route → 523, connected but no HTTP response → 524. With no origin to look at, the
 * silence itself is reported. (An origin that answers is {@link OriginDisagreementRule}'s case.)
 */
public final class EdgeSilentRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        if (!seen.edgeSilent()) {
            return List.of();
        }
        String silence = seen.exchanges().stream()
                .filter(x -> x.failure() != null)
                .map(x -> x.failure().kind().name())
                .findFirst().orElse("DEADLINE");
        OriginResult origin = seen.firstOrigin();
        if (origin == null) {
            return List.of(Candidate.of(Kind.EDGE_UNREACHABLE, silence).withVariant("silent")
                    .withAddress(Placeholder.EDGE_IP, seen.edgeAddress()));
        }
        PortCheck port = seen.cloudflarePort(origin);
        Candidate inferred = switch (seen.reach(origin)) {
            case TIMEOUT -> Candidate.of(Kind.ORIGIN_TIMEOUT, "522");
            case REFUSED -> Candidate.of(Kind.ORIGIN_REFUSED, "521");
            case UNREACHABLE -> Candidate.of(Kind.ORIGIN_UNREACHABLE, "523");
            case SILENT -> Candidate.of(Kind.RESPONSE_TIMEOUT, "524");
            case ANSWERS -> null;
            case CONNECTS, UNKNOWN -> Candidate.of(Kind.EDGE_UNREACHABLE, silence).withVariant("silent")
                    .withAddress(Placeholder.EDGE_IP, seen.edgeAddress());
        };
        if (inferred == null) {
            return List.of();
        }
        if (inferred.kind() == Kind.EDGE_UNREACHABLE) {
            return List.of(inferred);
        }
        String why = "inferred " + inferred.code() + ": no answer from the edge by the deadline, and origin "
                + ProbeEvidence.hostPort(origin.address(), port.port()) + " " + switch (inferred.code()) {
                    case "522" -> "did not answer the connection (SYN)";
                    case "521" -> "refused the connection";
                    case "523" -> "has no route";
                    default -> "accepted the connection but sent no HTTP response";
                };
        return List.of(inferred.asInferred().withEvidence(why).withAddress(Placeholder.IP, origin.address()));
    }
}
