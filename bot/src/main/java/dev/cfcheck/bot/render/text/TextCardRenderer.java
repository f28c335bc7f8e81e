package dev.cfcheck.bot.render.text;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.CardField;
import dev.cfcheck.bot.card.CardFinding;
import dev.cfcheck.bot.card.CardStep;
import dev.cfcheck.bot.card.DetailSection;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.diagnosis.Severity;
import java.util.List;

/**
 * The card as plain text for the console adapter: no colour, no markup, one fact a line. Card text has
 * no control characters left (the card model flattens them), so nothing from the network can move the
 * cursor or recolour the terminal.
 */
public final class TextCardRenderer {

    private static final int LABEL_WIDTH = 13;

    public String render(Card card) {
        StringBuilder b = new StringBuilder();
        b.append(mark(card.severity())).append(' ').append(card.code()).append(" · ").append(card.title());
        if (card.inferred()) {
            b.append(" (code inferred: the edge did not answer in time)");
        }
        b.append('\n');
        b.append(card.target()).append('\n');
        b.append(card.summary()).append("\n\n");
        for (CardField f : card.fields()) {
            List<String> lines = f.value().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                b.append(pad(i == 0 ? f.label() : "")).append(lines.get(i)).append('\n');
            }
        }
        if (!card.steps().isEmpty()) {
            b.append("\nNext steps\n");
            for (int i = 0; i < card.steps().size(); i++) {
                CardStep s = card.steps().get(i);
                b.append(String.format("%2d. ", i + 1)).append(s.text()).append('\n');
                if (s.hasCommand()) {
                    s.command().lines().forEach(l -> b.append("    $ ").append(l).append('\n'));
                }
            }
        }
        if (!card.findings().isEmpty()) {
            b.append("\nAlso found\n");
            for (CardFinding f : card.findings()) {
                b.append(" - ").append(f.severity().json()).append(' ').append(f.code()).append(": ").append(f.title()).append('\n');
            }
        }
        b.append('\n').append(card.context().line()).append('\n');
        return b.toString();
    }

    public String render(Details details) {
        StringBuilder b = new StringBuilder("Details of " + details.domain() + " (ref " + details.referenceId() + ")\n");
        for (DetailSection s : details.sections()) {
            b.append('\n').append(s.title()).append('\n');
            s.lines().forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.toString();
    }

    private static String mark(Severity s) {
        return switch (s) {
            case OK -> "[OK]";
            case INFO -> "[INFO]";
            case WARNING -> "[WARNING]";
            case CRITICAL -> "[CRITICAL]";
        };
    }

    private static String pad(String label) {
        return label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
    }
}
