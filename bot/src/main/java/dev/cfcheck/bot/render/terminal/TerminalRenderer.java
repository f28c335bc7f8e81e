package dev.cfcheck.bot.render.terminal;

import static dev.cfcheck.bot.render.terminal.TerminalText.safe;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.CardField;
import dev.cfcheck.bot.card.CardFinding;
import dev.cfcheck.bot.card.CardStep;
import dev.cfcheck.bot.card.DetailSection;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The card as terminal text, for {@code cfcheck check} and the console adapter: verdict, summary, the probe
 * fields, evidence, next steps with commands, other findings and the context line. Colour only when asked
 * for (a TTY); every string passes through {@link TerminalText} so a probed site cannot send escape sequences.
 */
public final class TerminalRenderer {

    private static final int WIDTH = 100;
    private static final int LABEL_WIDTH = 13;
    private final Ansi ansi;

    public TerminalRenderer(boolean colour) {
        this.ansi = new Ansi(colour);
    }

    /** The card alone (the console adapter's answer). */
    public String render(Card card) {
        return render(card, List.of());
    }

    /** The card with the verdict's evidence lines (the CLI shows them: nobody will press a Details button). */
    public String render(Card card, List<String> evidence) {
        StringBuilder out = new StringBuilder();
        String headline = symbol(card.severity()) + " " + safe(card.code()) + (card.inferred() ? " (inferred)" : "")
                + "  " + safe(card.title());
        out.append(ansi.severity(card.severity(), ansi.bold(headline)))
                .append("  ").append(ansi.dim("[" + card.severity().json() + ", " + card.kind() + "]")).append('\n');
        out.append("  ").append(safe(card.target())).append('\n');
        if (card.inferred()) {
            out.append("  ").append(ansi.dim("the edge did not answer before the deadline: the code is inferred from the origin probe"))
                    .append('\n');
        }
        out.append('\n');
        wrap(safe(card.summary()), WIDTH - 2).forEach(l -> out.append("  ").append(l).append('\n'));

        if (!card.fields().isEmpty()) {
            out.append('\n');
            for (CardField f : card.fields()) {
                List<String> lines = f.value().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String label = i == 0 ? f.label() : "";
                    out.append("  ").append(ansi.bold(pad(safe(label)))).append(safe(lines.get(i))).append('\n');
                }
            }
        }
        if (!evidence.isEmpty()) {
            out.append('\n').append(ansi.bold("Evidence")).append('\n');
            evidence.forEach(e -> out.append("  • ").append(safe(e)).append('\n'));
        }
        if (!card.steps().isEmpty()) {
            out.append('\n').append(ansi.bold("Next steps")).append('\n');
            int n = 1;
            for (CardStep step : card.steps()) {
                List<String> lines = wrap(safe(step.text()), WIDTH - 6);
                for (int i = 0; i < lines.size(); i++) {
                    out.append(i == 0 ? String.format("  %d. ", n) : "     ").append(lines.get(i)).append('\n');
                }
                if (step.hasCommand()) {
                    step.command().lines().forEach(c -> out.append("     ").append(ansi.dim("$ ")).append(safe(c)).append('\n'));
                }
                n++;
            }
        }
        if (!card.findings().isEmpty()) {
            out.append('\n').append(ansi.bold("Also found")).append('\n');
            for (CardFinding f : card.findings()) {
                out.append("  ").append(ansi.severity(f.severity(), symbol(f.severity()))).append(' ')
                        .append(safe(f.code())).append("  ").append(safe(f.title()))
                        .append(ansi.dim(" [" + f.kind() + "]")).append('\n');
            }
        }
        out.append('\n').append(ansi.dim(safe(card.context().line()))).append('\n');
        return out.toString();
    }

    /** The full evidence of a check (the console's answer to a Details request). */
    public String render(Details details) {
        StringBuilder out = new StringBuilder(ansi.bold("Details of " + safe(details.domain())
                + (details.referenceId() == null ? "" : " (ref " + safe(details.referenceId()) + ")"))).append('\n');
        for (DetailSection s : details.sections()) {
            out.append('\n').append(ansi.bold(safe(s.title()))).append('\n');
            s.lines().forEach(l -> out.append("  ").append(safe(l)).append('\n'));
        }
        return out.toString();
    }

    private static String symbol(Severity severity) {
        return switch (severity) {
            case OK -> "✔";
            case INFO -> "ℹ";
            case WARNING -> "⚠";
            case CRITICAL -> "✖";
        };
    }

    private static String pad(String label) {
        return label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
    }

    /** Greedy word wrap; a word longer than the width stays whole. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
