package dev.cfcheck.bot.card;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.site.Target;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The full evidence behind a card, shown only to the person who asks for it (ephemeral), so origin
 * addresses are not redacted here. Every line may carry network data: renderers escape it.
 *
 * @param domain      the host checked
 * @param referenceId the id of the check
 * @param sections    titled groups of lines, verdict first
 */
public record Details(String domain, String referenceId, List<DetailSection> sections) {

    private static final int LINE_MAX = 300;
    /** A probe's Details line: the describers bound their parts, this bounds the whole. */
    private static final int PROBE_LINE_MAX = 1000;

    public Details {
        sections = List.copyOf(sections);
    }

    public static Details from(CheckReport report, String referenceId) {
        List<DetailSection> sections = new ArrayList<>();
        sections.add(verdict(report.verdict()));
        if (!report.findings().isEmpty()) {
            sections.add(new DetailSection("Other findings", report.findings().stream().map(Details::finding).toList()));
        }
        if (report.probes() != null) {
            Target target = Target.ofReport(report.domain(), report.target());
            for (ProbeResults.Entry<?> entry : report.probes().entries()) {
                // Describers already make network text safe; the card model applies the same rule once more here,
                // as Card does, so that no renderer depends on every describer getting it right.
                entry.sections(target).forEach(ps -> sections.add(new DetailSection(line(ps.title()),
                        ps.lines().stream().map(l -> Clip.line(l, PROBE_LINE_MAX)).toList())));
            }
        }
        List<String> steps = new ArrayList<>();
        List<NextStep> next = report.verdict().nextSteps();
        for (int i = 0; i < next.size(); i++) {
            steps.add((i + 1) + ". " + line(next.get(i).text()));
            if (next.get(i).command() != null) {
                steps.add("   $ " + Clip.line(next.get(i).command(), 1000));
            }
        }
        if (!steps.isEmpty()) {
            sections.add(new DetailSection("Next steps", steps));
        }
        return new Details(report.domain(), referenceId, sections);
    }

    private static DetailSection verdict(Verdict v) {
        List<String> lines = new ArrayList<>();
        lines.add("kind " + v.kind() + ", code " + line(v.code()) + (v.inferred() ? " (inferred)" : "")
                + ", severity " + v.severity().json());
        lines.add(line(v.title()));
        v.evidence().forEach(e -> lines.add("• " + line(e)));
        return new DetailSection("Verdict", lines);
    }

    private static String finding(Finding f) {
        return f.severity().json() + " " + f.kind() + " " + line(f.code()) + ": " + line(f.title());
    }

    private static String line(String s) {
        return s == null ? "-" : Clip.line(s, LINE_MAX);
    }
}
