package dev.cfcheck.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * What the knowledge base says about one {@link Kind}.
 *
 * @param kind         the kind
 * @param severity     ok, info, warning or critical
 * @param rank         the verdict is the finding with the highest rank
 * @param title        one line
 * @param summary      a few sentences
 * @param describeCode the code is a Cloudflare or DNS code with an entry of its own (name, meaning, causes, steps)
 * @param usesOrigin   the diagnosis leans on the origin; when its address is unknown the card says so
 * @param steps        ordered next steps
 * @param variants     alternative wordings chosen by the rules (SSL mode, edge/origin disagreement...)
 */
public record KindKnowledge(
        Kind kind,
        Severity severity,
        int rank,
        TextTemplate title,
        TextTemplate summary,
        boolean describeCode,
        boolean usesOrigin,
        List<StepTemplate> steps,
        Map<String, Variant> variants) {

    public KindKnowledge {
        steps = List.copyOf(steps);
        variants = Map.copyOf(variants);
    }

    /**
     * A variant: every field it sets replaces the kind's; {@code null} (or no steps) keeps the kind's.
     */
    public record Variant(Severity severity, Boolean usesOrigin, TextTemplate title, TextTemplate summary,
                          List<StepTemplate> steps) {

        public Variant {
            steps = List.copyOf(steps);
        }
    }
}
