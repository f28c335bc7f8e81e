package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.origin.PortCheck;
import java.util.List;

/**
 * Cloudflare cannot reach the origin (521, 522, 523, or silence past the deadline) while cfcheck reaches it
 * directly from an address that is not Cloudflare's. The origin is up; something in front of it treats
 * Cloudflare differently, usually a firewall blocking Cloudflare's ranges, or the DNS record at Cloudflare
 * points elsewhere. Proposes the same kind with the knowledge base's "disagreement" variant.
 */
public final class OriginDisagreementRule implements Rule {

    private final KnowledgeBase knowledge;

    public OriginDisagreementRule(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<Candidate> evaluate(Observations seen) {
        String edgeCode = CloudflareCodes.seen(seen.primary());
        boolean edgeCannotConnect = edgeCode != null && CloudflareCodes.CANNOT_CONNECT.contains(edgeCode);
        boolean silent = seen.edgeSilent();
        if (!edgeCannotConnect && !silent) {
            return List.of();
        }
        for (OriginResult origin : seen.origins()) {
            Observations.OriginReach reach = seen.reach(origin);
            PortCheck port = seen.cloudflarePort(origin);
            if (edgeCannotConnect && reach.connected()) {
                Candidate c = Candidate.of(knowledge.kindOfCode(edgeCode), edgeCode).withVariant("disagreement")
                        .withEvidence("edge and origin disagree: Cloudflare reports " + edgeCode + ", but origin "
                                + Words.hostPort(origin.address(), port.port()) + " accepted a connection from here in "
                                + port.connectMs() + " ms");
                return List.of(c.withAddress(Placeholder.IP, origin.address()).explaining(EdgeProbe.KEY.name(), OriginsProbe.KEY.name()));
            }
            if (silent && reach == Observations.OriginReach.ANSWERS) {
                Candidate c = Candidate.of(Kind.ORIGIN_TIMEOUT, "522").asInferred().withVariant("disagreement")
                        .withEvidence("inferred 522: no answer from the edge by the deadline, yet origin "
                                + Words.hostPort(origin.address(), port.port()) + " answered "
                                + origin.http().status() + " directly");
                return List.of(c.withAddress(Placeholder.IP, origin.address()).explaining(EdgeProbe.KEY.name(), OriginsProbe.KEY.name(), OriginTlsProbe.KEY.name()));
            }
        }
        return List.of();
    }
}
