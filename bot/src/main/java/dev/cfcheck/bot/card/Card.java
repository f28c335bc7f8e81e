package dev.cfcheck.bot.card;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A diagnosis card, independent of any chat platform: the Slack, Discord and text renderers all draw
 * this. Built from a {@link CheckReport}; origin addresses are already redacted when the config says so.
 * Text fields are plain (no markup) and may carry network data, so renderers must escape them.
 *
 * @param domain   the host checked
 * @param target   the URL checked
 * @param kind     the verdict's kind
 * @param code     the code seen or inferred ("522", "NXDOMAIN")
 * @param inferred the code was inferred because the edge did not answer in time
 * @param severity ok, info, warning or critical: renderers pick the colour and emoji from it
 * @param title    one line
 * @param summary  a few sentences
 * @param fields   DNS, Edge, Origin, Certificate, Timings, in that order; then Config when the config has notes or an SSL mode
 * @param steps    the next steps in order
 * @param findings the other findings
 * @param context  checked at, cache age, elapsed, reference id
 */
public record Card(
        String domain,
        String target,
        Kind kind,
        String code,
        boolean inferred,
        Severity severity,
        String title,
        String summary,
        List<CardField> fields,
        List<CardStep> steps,
        List<CardFinding> findings,
        CardContext context) {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 2000;
    static final int STEP_TEXT_MAX = 600;
    static final int COMMAND_MAX = 1500;
    static final int FIELD_MAX = 1000;
    /** Under the summary of a card made at the deadline while the edge request still waits for Cloudflare. */
    static final String PRELIMINARY = "Preliminary: Cloudflare had not answered by cfcheck's deadline. cfcheck keeps"
            + " waiting for its own answer (522 comes after about 19 s, 524 after 100 s) and updates this card if that"
            + " changes the verdict.";

    public Card {
        fields = List.copyOf(fields);
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }

    /**
     * Builds the card of a report.
     *
     * @param referenceId the id shown on the card and logged with the check
     * @param redaction   what to hide ({@link Redaction#NONE} to show origin addresses)
     * @param now         the time the card is made, for the age of a cached report
     */
    public static Card from(CheckReport report, String referenceId, Redaction redaction, Instant now) {
        Verdict v = report.verdict();
        List<CardField> summary = new java.util.ArrayList<>(ProbeFields.of(report));
        DomainConfigField.of(report.config()).ifPresent(summary::add);
        List<CardField> fields = summary.stream()
                .map(f -> new CardField(f.label(), Clip.text(redaction.apply(f.value()), FIELD_MAX)))
                .toList();
        List<CardStep> steps = v.nextSteps().stream()
                .map(s -> new CardStep(
                        Clip.text(redaction.apply(s.text()), STEP_TEXT_MAX),
                        s.command() == null ? null : Clip.text(redaction.apply(s.command()), COMMAND_MAX)))
                .toList();
        List<CardFinding> findings = report.findings().stream()
                .map(f -> new CardFinding(f.kind(), Clip.line(f.code(), 40), f.severity(), Clip.line(redaction.apply(f.title()), TITLE_MAX)))
                .toList();
        long age = report.cached() && report.checkedAt() != null
                ? Math.max(0, Duration.between(report.checkedAt(), now).toSeconds())
                : 0;
        CardContext context = new CardContext(report.checkedAt(), report.cached(), age, report.elapsedMs(), referenceId,
                !report.isFinal());
        String text = report.isFinal() ? v.summary() : v.summary() + "\n\n" + PRELIMINARY;
        return new Card(
                Clip.line(report.domain(), 253),
                Clip.line(redaction.apply(report.target()), 500),
                v.kind(),
                Clip.line(v.code(), 40),
                v.inferred(),
                v.severity(),
                Clip.line(redaction.apply(v.title()), TITLE_MAX),
                Clip.text(redaction.apply(text), SUMMARY_MAX),
                fields,
                steps,
                findings,
                context);
    }

    /** The field with this label, or {@code null}. */
    public CardField field(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).findFirst().orElse(null);
    }
}
