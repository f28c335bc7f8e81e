package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.render.discord.DiscordMarkdown;
import dev.cfcheck.bot.render.discord.EmbedRenderer;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Every message the bot sends to Discord is built here, so that none of them can ping anyone: JDA's default
 * (for replies and follow-ups alike) lets user, role and {@code @everyone} mentions through, and a probed site
 * or a typed domain must never be able to wake a channel. Text from outside is escaped.
 */
final class Replies {
    /** No mention of any kind is parsed: {@code "allowed_mentions": {"parse": []}}. */
    static final List<Message.MentionType> NO_MENTIONS = List.of();

    private static final int CONTENT_MAX = Message.MAX_CONTENT_LENGTH;

    static final String HELP = String.join("\n",
            "**/cfcheck** tells which Cloudflare error a site shows (502-504, 520-527, 530, 1xxx...), what it means,"
                    + " and what to fix next.",
            "`/cfcheck domain:example.com` checks a site; a URL works too.",
            "`origin:203.0.113.7` (or `IP:PORT`) also tries the origin server directly, bypassing Cloudflare.",
            "`fresh:True` skips the cached result.",
            "Under each card, **Re-run** checks again and **Details** shows the full evidence to you only.");

    private final EmbedRenderer renderer;

    Replies(EmbedRenderer renderer) {
        this.renderer = renderer;
    }

    /** The card with its Re-run and Details buttons, replacing whatever the message showed before. */
    MessageEditData card(Card card) {
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(renderer.card(card))
                .setComponents(ActionRow.of(
                        Button.secondary(new ButtonId(ButtonId.Action.RERUN, card.context().referenceId()).encode(), "Re-run"),
                        Button.secondary(new ButtonId(ButtonId.Action.DETAILS, card.context().referenceId()).encode(), "Details")))
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    /** A plain line that replaces the message (the apology after a failed check): no embed, no buttons. */
    MessageEditData replacementText(String text) {
        return new MessageEditBuilder()
                .setContent(plain(text))
                .setEmbeds(List.of())
                .setComponents(List.of())
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    /** A new message with one line of text (refusals, apologies as follow-ups). */
    MessageCreateData text(String text) {
        return create().setContent(plain(text)).build();
    }

    MessageCreateData details(Details details) {
        return create().setEmbeds(renderer.details(details)).build();
    }

    MessageCreateData help() {
        return create().setContent(HELP).build();
    }

    private static MessageCreateBuilder create() {
        return new MessageCreateBuilder().setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false);
    }

    private static String plain(String text) {
        return DiscordMarkdown.fit(DiscordMarkdown.escape(text), CONTENT_MAX);
    }
}
