package dev.cfcheck.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * The shape of {@code knowledge.yaml} as Jackson reads it. {@link KnowledgeBase} checks it and turns it into
 * parsed templates; nothing else sees these records.
 */
record KnowledgeFile(
        Map<String, String> fallbacks,
        OriginUnknown originUnknown,
        Tunnel tunnel,
        Inferred inferred,
        Map<String, Step> steps,
        Map<Kind, KindEntry> kinds,
        CodeEntry unknownCode,
        Map<String, CodeEntry> codes) {

    record OriginUnknown(String notice, Step step) {
    }

    record Inferred(String notice) {
    }

    record Tunnel(String notice, List<Step> steps) {
    }

    /** A step of its own ({@code text}, optional {@code command}) or a reference to a shared one ({@code use}). */
    record Step(String use, String text, String command) {
    }

    record KindEntry(
            Severity severity,
            Integer rank,
            Boolean describeCode,
            Boolean usesOrigin,
            String title,
            String summary,
            List<Step> steps,
            Map<String, VariantEntry> variants) {
    }

    record VariantEntry(Severity severity, Boolean usesOrigin, String title, String summary, List<Step> steps) {
    }

    record CodeEntry(Kind kind, List<String> aliases, String name, String meaning, List<String> causes, List<Step> steps) {
    }
}
