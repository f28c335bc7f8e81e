package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.List;

/**
 * The edge answered with an error Cloudflare generated itself (an error or block page, or a status only
 * Cloudflare uses): its code names the kind, through the knowledge base (522 → ORIGIN_TIMEOUT, 1020 → BLOCKED...).
 */
public final class CloudflarePageRule implements Rule {

    private final KnowledgeBase knowledge;

    public CloudflarePageRule(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        String code = CloudflareCodes.seen(x);
        if (code == null) {
            return List.of();
        }
        // A block page without a 1xxx number ("Sorry, you have been blocked") is still a block.
        Kind kind = x.page() != null && x.page().type() == CloudflarePage.Type.BLOCKED
                ? Kind.BLOCKED_BY_CLOUDFLARE
                : knowledge.kindOfCode(code);
        // Cloudflare's own answer: the edge's other exchange and the origin's failures seen from here are its evidence.
        Candidate c = Candidate.of(kind, code).explaining(EdgeProbe.KEY.name(), OriginsProbe.KEY.name(), OriginTlsProbe.KEY.name());
        String ray = CloudflareCodes.rayId(x);
        return List.of(c.withValue(Placeholder.RAY, ray).withValue(Placeholder.COLO, x.colo()));
    }
}
