package dev.cfcheck.diagnosis;

import java.util.List;

/**
 * What the knowledge base says about one Cloudflare code ("522", "1020") or DNS result ("NXDOMAIN").
 *
 * @param code    the code
 * @param kind    the kind this code leads to
 * @param name    a short name ("Connection timed out")
 * @param meaning what it means, in a sentence or two
 * @param causes  usual causes
 * @param steps   steps specific to this code, shown before the kind's
 */
public record CodeKnowledge(String code, Kind kind, TextTemplate name, TextTemplate meaning, List<String> causes,
                            List<StepTemplate> steps) {

    public CodeKnowledge {
        causes = List.copyOf(causes);
        steps = List.copyOf(steps);
    }
}
