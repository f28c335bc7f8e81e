package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.List;

/**
 * The edge said nothing by the deadline to the URL asked for. Cloudflare would answer 522 only after 19 s and
 * 524 only after 100 s, so instead of waiting the code is inferred from the origin probed directly (the table
 * is {@link CloudflareCodes#inferFromOrigin}). With no origin to look at, the verdict is EDGE_SILENT: what is
 * known, and how to give cfcheck the origin. (An origin that answers is {@link OriginDisagreementRule}'s case.)
 */
public final class EdgeSilentRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        if (!seen.edgeSilent()) {
            return List.of();
        }
        String edge = EdgeProbe.KEY.name();
        OriginResult origin = seen.firstOrigin();
        Candidate silent = Candidate.of(Kind.EDGE_SILENT, seen.primary().failure().kind().name())
                .withAddress(Placeholder.EDGE_IP, seen.edgeAddress())
                .explaining(edge);
        if (origin == null) {
            return List.of(silent);
        }
        Observations.OriginReach reach = seen.reach(origin);
        if (reach == Observations.OriginReach.ANSWERS) {
            return List.of();
        }
        CloudflareCodes.Inferred inferred = CloudflareCodes.inferFromOrigin(reach);
        if (inferred == null) {
            return List.of(silent);
        }
        PortCheck port = seen.cloudflarePort(origin);
        String why = "inferred " + inferred.code() + ": no answer from the edge by the deadline, and origin "
                + Words.hostPort(origin.address(), port.port()) + " " + inferred.because();
        // The origin's failures are the evidence the code is inferred from: this verdict accounts for them.
        return List.of(Candidate.of(inferred.kind(), inferred.code()).asInferred().withEvidence(why)
                .withAddress(Placeholder.IP, origin.address())
                .explaining(edge, OriginsProbe.KEY.name(), OriginTlsProbe.KEY.name()));
    }
}
