package dev.cfcheck.bot.render.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
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
 * Draws a {@link Card} in Block Kit: header (status emoji, code, title), summary, the evidence fields,
 * numbered next steps with commands in code blocks, other findings, a context line and the Re-run and
 * Details buttons. Stays inside Block Kit's limits by trimming, never by failing.
 */
public final class SlackCardRenderer {

    public static final String RERUN_ACTION = "cfcheck_rerun";
    public static final String DETAILS_ACTION = "cfcheck_details";

    // Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_BUTTON_TEXT = 75;
    /** Slack truncates longer top-level text; a notification needs far less. */
    static final int MAX_FALLBACK_TEXT = 3000;

    /** Steps beyond this go into one "and N more" line: the rest of the card must still fit in 50 blocks. */
    static final int MAX_STEP_BLOCKS = 10;
    static final int MAX_FINDINGS = 10;
    static final int MAX_DETAIL_SECTIONS = 45;

    public SlackMessage card(Card card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String heading = emoji(card.severity()) + " " + card.code() + " · " + card.title();
        blocks.add(HeaderBlock.builder().text(plain(heading, MAX_HEADER_TEXT)).build());

        StringBuilder summary = new StringBuilder("*").append(SlackText.inert(card.domain())).append("*  ")
                .append(SlackText.inert(card.target()));
        if (card.inferred()) {
            summary.append("\n_code inferred: the edge did not answer before the deadline_");
        }
        summary.append('\n').append(SlackText.inert(card.summary()));
        blocks.add(section(SlackText.trim(summary.toString(), MAX_SECTION_TEXT)));

        List<TextObject> fields = new ArrayList<>();
        for (CardField f : card.fields().subList(0, Math.min(MAX_FIELDS, card.fields().size()))) {
            fields.add(mrkdwn(SlackText.trim("*" + SlackText.escape(f.label()) + "*\n" + SlackText.inert(f.value()), MAX_FIELD_TEXT)));
        }
        if (!fields.isEmpty()) {
            blocks.add(SectionBlock.builder().fields(fields).build());
        }

        if (!card.steps().isEmpty()) {
            blocks.add(DividerBlock.builder().build());
            List<CardStep> steps = card.steps();
            int shown = steps.size() <= MAX_STEP_BLOCKS ? steps.size() : MAX_STEP_BLOCKS - 1;
            for (int i = 0; i < shown; i++) {
                blocks.add(section(step(i + 1, steps.get(i), i == 0)));
            }
            if (shown < steps.size()) {
                blocks.add(section("_…and " + (steps.size() - shown) + " more steps: press Details._"));
            }
        }

        if (!card.findings().isEmpty()) {
            StringBuilder b = new StringBuilder("*Also found*");
            List<CardFinding> findings = card.findings();
            for (CardFinding f : findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))) {
                b.append("\n• ").append(emoji(f.severity())).append(' ').append(SlackText.inert(f.code()))
                        .append(" · ").append(SlackText.inert(f.title()));
            }
            if (findings.size() > MAX_FINDINGS) {
                b.append("\n• …and ").append(findings.size() - MAX_FINDINGS).append(" more");
            }
            blocks.add(section(SlackText.trim(b.toString(), MAX_SECTION_TEXT)));
        }

        blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                mrkdwn(SlackText.escape(card.context().line())))).build());
        String ref = card.context().referenceId();
        blocks.add(ActionsBlock.builder().elements(List.<BlockElement>of(
                button("Re-run", RERUN_ACTION, ref, "primary"),
                button("Details", DETAILS_ACTION, ref, null))).build());

        return new SlackMessage(fallback(card), cap(blocks));
    }

    /** The Details view: every probe's evidence in code blocks (ephemeral; origin addresses shown). */
    public SlackMessage details(Details details) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(plain("Details · " + details.domain(), MAX_HEADER_TEXT)).build());
        List<DetailSection> sections = details.sections();
        for (DetailSection s : sections.subList(0, Math.min(MAX_DETAIL_SECTIONS, sections.size()))) {
            String title = "*" + SlackText.inert(s.title()) + "*\n";
            String body = SlackText.codeBlock(String.join("\n", s.lines()), MAX_SECTION_TEXT - title.length());
            blocks.add(section(title + body));
        }
        if (sections.size() > MAX_DETAIL_SECTIONS) {
            blocks.add(section("_…and " + (sections.size() - MAX_DETAIL_SECTIONS) + " more sections_"));
        }
        blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                mrkdwn("ref " + SlackText.escape(details.referenceId()) + " · only you can see this"))).build());
        return new SlackMessage(SlackText.trim("Details of " + SlackText.inert(details.domain()), MAX_FALLBACK_TEXT), cap(blocks));
    }

    /** One line of our own words (help, refusal, apology, "checking…"), user input inside escaped by the caller. */
    public SlackMessage text(String escapedMrkdwn) {
        String t = SlackText.trim(escapedMrkdwn, MAX_SECTION_TEXT);
        return new SlackMessage(t, List.of(section(t)));
    }

    private static String step(int n, CardStep s, boolean first) {
        String head = (first ? "*Next steps*\n" : "") + "*" + n + ".* ";
        String text = SlackText.inert(s.text());
        if (!s.hasCommand()) {
            return SlackText.trim(head + text, MAX_SECTION_TEXT);
        }
        // The command keeps at least half the room: a cut command is worse than a cut sentence.
        String prose = SlackText.trim(head + text, MAX_SECTION_TEXT / 2);
        return prose + "\n" + SlackText.codeBlock(s.command(), MAX_SECTION_TEXT - prose.length() - 1);
    }

    private static String fallback(Card card) {
        return SlackText.trim(emoji(card.severity()) + " " + SlackText.inert(card.code()) + " " + SlackText.inert(card.title())
                + " — " + SlackText.inert(card.domain()), MAX_FALLBACK_TEXT);
    }

    static String emoji(Severity s) {
        return switch (s) {
            case OK -> "\uD83D\uDFE2";        // green circle
            case INFO -> "\uD83D\uDD35";      // blue circle
            case WARNING -> "\uD83D\uDFE0";   // orange circle
            case CRITICAL -> "\uD83D\uDD34";  // red circle
        };
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(mrkdwn(mrkdwn)).build();
    }

    /** Every mrkdwn object is verbatim: Slack must not turn probed text into links or mentions. */
    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text.isEmpty() ? " " : text).verbatim(true).build();
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(SlackText.plain(text, max)).emoji(false).build();
    }

    private static ButtonElement button(String label, String actionId, String value, String style) {
        return ButtonElement.builder()
                .text(PlainTextObject.builder().text(SlackText.plain(label, MAX_BUTTON_TEXT)).build())
                .actionId(actionId)
                .value(SlackText.trim(value, MAX_BUTTON_VALUE))
                .style(style)
                .build();
    }

    /** The last line of defence: never more than 50 blocks, keeping the context and buttons at the end. */
    private static List<LayoutBlock> cap(List<LayoutBlock> blocks) {
        if (blocks.size() <= MAX_BLOCKS) {
            return blocks;
        }
        List<LayoutBlock> out = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 2));
        out.addAll(blocks.subList(blocks.size() - 2, blocks.size()));
        return out;
    }
}
