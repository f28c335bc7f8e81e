package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.HttpExchange;
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
        String code = Observations.cloudflareCode(x);
        if (code == null) {
            return List.of();
        }
        // A block page without a 1xxx number ("Sorry, you have been blocked") is still a block.
        Kind kind = x.page() != null && x.page().type() == CloudflarePage.Type.BLOCKED
                ? Kind.BLOCKED_BY_CLOUDFLARE
                : knowledge.kindOfCode(code);
        Candidate c = Candidate.of(kind, code);
        String ray = x.rayId() != null ? x.rayId() : x.page() != null ? x.page().rayId() : null;
        return List.of(c.withValue(Placeholder.RAY, ray).withValue(Placeholder.COLO, x.colo()));
    }
}
