package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.diagnosis.TemplateValues;
import dev.cfcheck.probes.ProbeFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A possible finding proposed by a rule, before ranking and wording. Immutable; the {@code with...} methods
 * return copies.
 *
 * @param kind     the diagnosis
 * @param code     the code seen or inferred, or {@code null} when there is none
 * @param inferred the code was inferred from the origin probe, not read from Cloudflare
 * @param variant  the knowledge base's variant of the kind to word it with, or {@code null} for the plain one
 * @param evidence lines of evidence specific to this finding (the probes' own lines are added for every verdict)
 * @param values   values for the templates, over the ones every verdict gets
 * @param explains the probe failures this finding accounts for: a probe's name ("edge") for all of its failures,
 *                 or a failure's id ("edge https") for one; a failure no finding explains makes the check inconclusive
 */
public record Candidate(Kind kind, String code, boolean inferred, String variant, List<String> evidence,
                        TemplateValues values, Set<String> explains) {

    public Candidate {
        evidence = List.copyOf(evidence);
        explains = Set.copyOf(explains);
    }

    public static Candidate of(Kind kind, String code) {
        return new Candidate(kind, code, false, null, List.of(), TemplateValues.EMPTY, Set.of());
    }

    /** The same finding, accounting also for these failures (probe names or failure ids). */
    public Candidate explaining(String... what) {
        Set<String> more = new HashSet<>(explains);
        more.addAll(List.of(what));
        return new Candidate(kind, code, inferred, variant, evidence, values, more);
    }

    /** True when this finding accounts for that failure. */
    public boolean explains(ProbeFailure failure) {
        return explains.contains(failure.probe()) || explains.contains(failure.id());
    }

    public Candidate asInferred() {
        return new Candidate(kind, code, true, variant, evidence, values, explains);
    }

    public Candidate withVariant(String key) {
        return new Candidate(kind, code, inferred, key, evidence, values, explains);
    }

    public Candidate withEvidence(String line) {
        List<String> more = new ArrayList<>(evidence);
        more.add(line);
        return new Candidate(kind, code, inferred, variant, more, values, explains);
    }

    public Candidate withValue(Placeholder name, String text) {
        return new Candidate(kind, code, inferred, variant, evidence, values.with(name, text), explains);
    }

    public Candidate withAddress(Placeholder name, String ip) {
        return new Candidate(kind, code, inferred, variant, evidence, values.withAddress(name, ip), explains);
    }

    /**
     * True when two rules proposed the same finding: same kind and code, and variants that do not conflict
     * (one of them plain, or both the same).
     */
    public boolean sameFindingAs(Candidate other) {
        return kind == other.kind && Objects.equals(code, other.code)
                && (variant == null || other.variant == null || variant.equals(other.variant));
    }

    /** One candidate from two proposals of the same finding: the more specific variant, both sets of evidence. */
    public Candidate mergedWith(Candidate other) {
        LinkedHashSet<String> lines = new LinkedHashSet<>(evidence);
        lines.addAll(other.evidence);
        Set<String> both = new HashSet<>(explains);
        both.addAll(other.explains);
        return new Candidate(kind, code, inferred && other.inferred, variant != null ? variant : other.variant,
                new ArrayList<>(lines), values.overriddenBy(other.values), both);
    }
}
