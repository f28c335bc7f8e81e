package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.router.Admission;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.ReplyVisibility;
import dev.cfcheck.bot.router.RouterReply;
import dev.cfcheck.site.BadInputException;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord interactions into router calls and router replies into Discord messages.
 *
 * <p>The order matters. Everything that can refuse (option shape, access rules, rate limits) happens first,
 * because a refusal must be ephemeral and, once a public defer is sent, Discord cannot make the reply
 * ephemeral any more. Then the defer goes out at once (Discord's 3-second rule) while the check runs in the
 * checker (nothing waits for it on the gateway thread); the card then replaces the "thinking…" message.
 */
final class InteractionHandler extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

    private final CommandRouter router;
    private final Replies replies;

    InteractionHandler(CommandRouter router, Replies replies) {
        this.router = router;
        this.replies = replies;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        try {
            switch (event.getName()) {
                case SlashCommands.CHECK -> check(event);
                case SlashCommands.HELP -> event.reply(replies.help()).setEphemeral(true).queue(null, this::replyFailed);
                default -> refuse(event, "Unknown command: try /cfcheck-help.");
            }
        } catch (RuntimeException e) {
            broken(event, e);
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        try {
            Optional<ButtonId> button = ButtonId.parse(event.getComponentId());
            if (button.isEmpty()) {
                answer(event, RouterReply.Refusal.EXPIRED);
                return;
            }
            switch (button.get().action()) {
                case RERUN -> rerun(event, button.get().referenceId());
                case DETAILS -> details(event, button.get().referenceId());
            }
        } catch (RuntimeException e) {
            broken(event, e);
        }
    }

    private void check(SlashCommandInteractionEvent event) {
        CheckOptions options;
        try {
            options = CheckOptions.from(event);
        } catch (BadInputException e) {
            refuse(event, e.getMessage());
            return;
        }
        Admission admission = router.submit(context(event), options.commandLine());
        if (admission instanceof Admission.Answered answered) {
            answer(event, answered.reply());
            return;
        }
        Admission.Started started = (Admission.Started) admission;
        boolean ephemeral = router.settings().replyVisibility() == ReplyVisibility.EPHEMERAL;
        InteractionHook hook = event.getHook();
        event.deferReply(ephemeral).queue(null, this::replyFailed);
        // JDA holds the edit until the defer is acknowledged, so the order on the wire is always defer, edit.
        started.reply().thenAccept(reply -> publish(hook, reply, started.referenceId()));
    }

    /** Replaces the "thinking…" message with the card, or with a short apology if the card cannot be shown. */
    private void publish(InteractionHook hook, RouterReply reply, String referenceId) {
        try {
            if (reply instanceof RouterReply.CardReply card) {
                hook.editOriginal(replies.card(card.card())).queue(null, error -> {
                    replyFailed(error);
                    hook.editOriginal(replies.replacementText(apology(referenceId))).queue(null, this::replyFailed);
                });
                whenFinal(hook, card, referenceId);
            } else {
                hook.editOriginal(replies.replacementText(text(reply))).queue(null, this::replyFailed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Discord: the reply to check {} could not be made", referenceId, e);
            hook.editOriginal(replies.replacementText(apology(referenceId))).queue(null, this::replyFailed);
        }
    }

    /**
     * A preliminary card is edited in place into the final one, once, when the router has one (the interaction
     * token that allows the edit lives 15 minutes; the router gives up before that).
     */
    private void whenFinal(InteractionHook hook, RouterReply.CardReply reply, String referenceId) {
        reply.replacement().thenAccept(card -> {
            if (card == null) {
                return;
            }
            try {
                hook.editOriginal(replies.card(card)).queue(null, this::replyFailed);
            } catch (RuntimeException e) {
                LOG.warn("Discord: the final card of check {} could not be made", referenceId, e);
            }
        });
    }

    private void rerun(ButtonInteractionEvent event, String referenceId) {
        Admission admission = router.rerun(context(event), referenceId);
        if (admission instanceof Admission.Answered answered) {
            answer(event, answered.reply());
            return;
        }
        Admission.Started started = (Admission.Started) admission;
        InteractionHook hook = event.getHook();
        // "Updating" the card in place: the button shows as busy until the new card replaces the old one.
        event.deferEdit().queue(null, this::replyFailed);
        started.reply().thenAccept(reply -> replaceCard(hook, reply, started.referenceId()));
    }

    /** The new card replaces the old one; if there is none, the old card stays and only the presser is told. */
    private void replaceCard(InteractionHook hook, RouterReply reply, String referenceId) {
        String problem;
        if (reply instanceof RouterReply.CardReply card) {
            try {
                hook.editOriginal(replies.card(card.card())).queue(null, this::replyFailed);
                whenFinal(hook, card, referenceId);
                return;
            } catch (RuntimeException e) {
                LOG.warn("Discord: the reply to check {} could not be made", referenceId, e);
                problem = apology(referenceId);
            }
        } else {
            problem = text(reply);
        }
        hook.sendMessage(replies.text(problem)).setEphemeral(true).queue(null, this::replyFailed);
    }

    private void details(ButtonInteractionEvent event, String referenceId) {
        RouterReply reply = router.details(context(event), referenceId);
        if (reply instanceof RouterReply.DetailsReply details) {
            event.reply(replies.details(details.details())).setEphemeral(true).queue(null, this::replyFailed);
        } else {
            answer(event, reply);
        }
    }

    /** Help and refusals: ephemeral, so the channel is not cluttered and nobody else sees why. */
    private void answer(IReplyCallback event, RouterReply reply) {
        if (reply instanceof RouterReply.Help) {
            event.reply(replies.help()).setEphemeral(true).queue(null, this::replyFailed);
        } else {
            refuse(event, text(reply));
        }
    }

    private void refuse(IReplyCallback event, String text) {
        event.reply(replies.text(text)).setEphemeral(true).queue(null, this::replyFailed);
    }

    private void broken(IReplyCallback event, RuntimeException e) {
        LOG.warn("Discord: interaction {} failed inside cfcheck", event.getId(), e);
        if (!event.isAcknowledged()) {
            answer(event, RouterReply.Refusal.UNHANDLED);
        }
    }

    static String apology(String referenceId) {
        return RouterReply.Failure.notShown(referenceId).text();
    }

    private static String text(RouterReply reply) {
        if (reply instanceof RouterReply.Refusal r) {
            return r.text();
        }
        if (reply instanceof RouterReply.Failure f) {
            return f.text();
        }
        if (reply instanceof RouterReply.Help h) {
            return h.text();
        }
        return RouterReply.Refusal.UNHANDLED.text();
    }

    private static CommandContext context(Interaction interaction) {
        return new CommandContext(Platform.DISCORD,
                interaction.getGuild() == null ? null : interaction.getGuild().getId(),
                interaction.getChannelId(),
                interaction.getUser().getId());
    }

    private void replyFailed(Throwable error) {
        // Discord refused or never saw a reply (network, expired token): nothing to tell the user through.
        LOG.warn("Discord: a reply could not be sent: {}", error.toString());
    }
}
