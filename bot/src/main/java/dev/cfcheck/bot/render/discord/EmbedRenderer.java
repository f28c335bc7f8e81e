package dev.cfcheck.bot.render.discord;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.CardContext;
import dev.cfcheck.bot.card.CardField;
import dev.cfcheck.bot.card.CardFinding;
import dev.cfcheck.bot.card.CardStep;
import dev.cfcheck.bot.card.Clip;
import dev.cfcheck.bot.card.DetailSection;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Draws the platform-neutral card as a Discord embed: colour by severity, code and title on top, the summary
 * and the next steps (commands in code blocks) in the description, one inline field per probe, other
 * findings, and the small print in the footer. Every text from the card is escaped; limits are kept by
 * {@link EmbedBudget}.
 */
public final class EmbedRenderer {

    private static final int MAX_FINDINGS = 8;

    /** The embed of a card: what the channel sees. */
    public MessageEmbed card(Card card) {
        EmbedBudget embed = new EmbedBudget(color(card.severity()), card.context() == null ? null : card.context().checkedAt())
                .title(title(card))
                // One block, so a long summary is shortened with the domain above it rather than dropped.
                .block(lead(card))
                .droppedBlocksNote(n -> "*" + n + (n == 1 ? " more step" : " more steps") + ": press Details*");
        List<CardStep> steps = card.steps();
        for (int i = 0; i < steps.size(); i++) {
            // The heading rides with the first step: every later block is one step, so the note counts steps.
            embed.block((i == 0 ? "\n**Next steps**\n" : "") + step(i + 1, steps.get(i)));
        }
        for (CardField field : card.fields()) {
            embed.field(DiscordMarkdown.escape(field.label()), DiscordMarkdown.escape(field.value()), true);
        }
        if (!card.findings().isEmpty()) {
            embed.field("Also seen", findings(card.findings()), false);
        }
        return embed.footer(footer(card.context())).build();
    }

    /** The full evidence, one field per section: shown only to the person who pressed Details. */
    public MessageEmbed details(Details details) {
        EmbedBudget embed = new EmbedBudget(0x5865F2, null)
                .title("Details · " + DiscordMarkdown.escape(details.domain()))
                .droppedFieldsNote(n -> n + " more sections not shown");
        for (DetailSection section : details.sections()) {
            List<String> lines = section.lines().stream().map(DiscordMarkdown::escape).toList();
            embed.field(DiscordMarkdown.escape(section.title()), String.join("\n", lines), false);
        }
        return embed.footer(details.referenceId() == null ? "" : "ref " + plain(details.referenceId())).build();
    }

    static int color(Severity severity) {
        return switch (severity == null ? Severity.INFO : severity) {
            case OK -> 0x2EB67D;
            case INFO -> 0x3B82F6;
            case WARNING -> 0xF2A900;
            case CRITICAL -> 0xE01E5A;
        };
    }

    static String emoji(Severity severity) {
        return switch (severity == null ? Severity.INFO : severity) {
            case OK -> "✅";
            case INFO -> "ℹ️";
            case WARNING -> "⚠️";
            case CRITICAL -> "🔴";
        };
    }

    private static String title(Card card) {
        String code = card.code() == null || card.code().isBlank() ? "" : DiscordMarkdown.escape(card.code())
                + (card.inferred() ? " (inferred)" : "") + " · ";
        return emoji(card.severity()) + " " + code + DiscordMarkdown.escape(card.title());
    }

    /** The domain in bold, then the summary. */
    private static String lead(Card card) {
        String domain = "**" + DiscordMarkdown.escape(card.domain()) + "**";
        return card.summary() == null || card.summary().isBlank() ? domain : domain + "\n" + DiscordMarkdown.escape(card.summary());
    }

    private static String step(int n, CardStep step) {
        String text = n + "\\. " + DiscordMarkdown.escape(step.text());
        return step.hasCommand() ? text + "\n" + DiscordMarkdown.codeBlock(step.command()) : text;
    }

    private static String findings(List<CardFinding> findings) {
        List<String> lines = new ArrayList<>();
        for (CardFinding f : findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))) {
            String code = f.code() == null || f.code().isBlank() ? "" : DiscordMarkdown.escape(f.code()) + " ";
            lines.add(emoji(f.severity()) + " " + code + DiscordMarkdown.escape(f.title()));
        }
        if (findings.size() > MAX_FINDINGS) {
            lines.add("+" + (findings.size() - MAX_FINDINGS) + " more (see Details)");
        }
        return String.join("\n", lines);
    }

    /** The context line every platform shows; footers render text as is (no markdown), so it is not escaped. */
    private static String footer(CardContext c) {
        return c == null ? "" : c.line();
    }

    private static String plain(String s) {
        return Clip.line(s, 100);
    }
}
