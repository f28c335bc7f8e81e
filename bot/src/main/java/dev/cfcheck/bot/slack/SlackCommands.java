package dev.cfcheck.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.render.slack.SlackCardRenderer;
import dev.cfcheck.bot.render.slack.SlackMessage;
import dev.cfcheck.bot.render.slack.SlackText;
import dev.cfcheck.bot.router.Admission;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.ReplyVisibility;
import dev.cfcheck.bot.router.RouterReply;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt handlers: {@code /cfcheck}, and the card's Re-run and Details buttons. Each acknowledges at
 * once (a refusal or help is the ack itself, ephemeral); the card goes to the request's
 * {@code response_url} when the check is done. The {@code response_url} is covered by the verified
 * signature (or arrives over our own Socket Mode connection), so it is used as given.
 */
final class SlackCommands {

    static final String COMMAND = "/cfcheck";
    private static final Logger LOG = LoggerFactory.getLogger(SlackCommands.class);
    private static final String EPHEMERAL = "ephemeral";

    private final CommandRouter router;
    private final SlackCardRenderer renderer = new SlackCardRenderer();
    private final ExecutorService responses;
    private final ResponseUrlPoster poster;

    /**
     * @param responses where every reply is posted from (bounded; off Bolt's request thread)
     * @param poster    posts them
     */
    SlackCommands(CommandRouter router, ExecutorService responses, ResponseUrlPoster poster) {
        this.router = router;
        this.responses = responses;
        this.poster = poster;
    }

    void register(App app) {
        app.command(COMMAND, this::command);
        app.blockAction(SlackCardRenderer.RERUN_ACTION, this::rerun);
        app.blockAction(SlackCardRenderer.DETAILS_ACTION, this::details);
    }

    private String cardVisibility() {
        return router.settings().replyVisibility() == ReplyVisibility.EPHEMERAL ? EPHEMERAL : "in_channel";
    }

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        try {
            SlashCommandPayload p = req.getPayload();
            CommandContext who = new CommandContext(Platform.SLACK, p.getTeamId(), p.getChannelId(), p.getUserId());
            Admission admission = router.submit(who, p.getText());
            if (admission instanceof Admission.Answered answered) {
                SlackMessage m = message(answered.reply());
                return ctx.ack(r -> r.responseType(EPHEMERAL).text(m.text()).blocks(m.blocks()));
            }
            Admission.Started started = (Admission.Started) admission;
            whenDone(started, reply -> {
                SlackMessage m = message(reply);
                SlashCommandResponse response = SlashCommandResponse.builder()
                        .responseType(cardVisibility()).text(m.text()).blocks(m.blocks()).build();
                return () -> poster.post(ctx.getResponseUrl(), response);
            }, card -> {
                // A slash command response cannot replace; an action response to the same response_url can, for 30 minutes.
                ActionResponse response = replacing(renderer.card(card));
                return () -> poster.post(ctx.getResponseUrl(), response);
            });
            return ctx.ack(r -> r.responseType(EPHEMERAL).text(SlackText.escape(started.ackText())));
        } catch (RuntimeException e) {
            LOG.warn("Slack: /cfcheck failed inside cfcheck", e);
            SlackMessage m = message(RouterReply.Refusal.UNHANDLED);
            return ctx.ack(r -> r.responseType(EPHEMERAL).text(m.text()).blocks(m.blocks()));
        }
    }

    private Response rerun(BlockActionRequest req, ActionContext ctx) {
        try {
            CommandContext who = who(req.getPayload());
            Admission admission = router.rerun(who, buttonValue(req.getPayload()));
            if (admission instanceof Admission.Answered answered) {
                respondLater(ctx, ephemeral(message(answered.reply())));
                return ctx.ack();
            }
            whenDone((Admission.Started) admission, reply -> {
                SlackMessage m = message(reply);
                // A fresh card replaces the old one; an apology must not wipe the card it failed to refresh.
                ActionResponse response = reply instanceof RouterReply.CardReply
                        ? replacing(m)
                        : ephemeral(m);
                return () -> poster.post(ctx.getResponseUrl(), response);
            }, card -> {
                ActionResponse response = replacing(renderer.card(card));
                return () -> poster.post(ctx.getResponseUrl(), response);
            });
        } catch (RuntimeException e) {
            LOG.warn("Slack: Re-run failed inside cfcheck", e);
            respondLater(ctx, ephemeral(message(RouterReply.Refusal.UNHANDLED)));
        }
        return ctx.ack();
    }

    private Response details(BlockActionRequest req, ActionContext ctx) {
        try {
            CommandContext who = who(req.getPayload());
            String referenceId = buttonValue(req.getPayload());
            respondLater(ctx, ephemeral(message(router.details(who, referenceId))));
        } catch (RuntimeException e) {
            LOG.warn("Slack: Details failed inside cfcheck", e);
            respondLater(ctx, ephemeral(message(RouterReply.Refusal.UNHANDLED)));
        }
        return ctx.ack();
    }

    /**
     * Posts the reply once the check is done, from the reply pool: never on Bolt's request thread (a cached
     * report can be ready before the ack goes out, and the ack must not wait for a post), nor on the checker's
     * thread that completes the check (every request that joined the run is answered from it), nor on the JDK's
     * timer thread that ends an overrunning check. A reply that cannot be drawn becomes an apology.
     */
    private void whenDone(Admission.Started started, Function<RouterReply, Post> toPost, Function<Card, Post> toReplace) {
        String referenceId = started.referenceId();
        try {
            started.reply().thenAcceptAsync(reply -> {
                Post post;
                try {
                    post = toPost.apply(reply);
                } catch (RuntimeException e) {
                    LOG.warn("Slack: the reply to check {} could not be made", referenceId, e);
                    post = toPost.apply(RouterReply.Failure.notShown(referenceId));
                }
                post(referenceId, post);
                if (reply instanceof RouterReply.CardReply card) {
                    whenFinal(referenceId, card, toReplace);
                }
            }, responses).exceptionally(e -> {
                LOG.warn("Slack: dropped the reply to check {}: {}", referenceId, e.toString());
                return null;
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack: dropped the reply to check {}: the reply queue is full or shut down", referenceId);
        }
    }

    /** A preliminary card is replaced in place by the final one, once, when the router has one. */
    private void whenFinal(String referenceId, RouterReply.CardReply reply, Function<Card, Post> toReplace) {
        if (reply.replacement().isDone() && reply.replacement().getNow(null) == null) {
            return; // a final card: nothing will replace it, so nothing to queue
        }
        reply.replacement().thenAcceptAsync(card -> {
            if (card != null) {
                post(referenceId, toReplace.apply(card));
            }
        }, responses).exceptionally(e -> {
            LOG.warn("Slack: dropped the final card of check {}: {}", referenceId, e.toString());
            return null;
        });
    }

    private ActionResponse replacing(SlackMessage m) {
        return ActionResponse.builder().replaceOriginal(true).responseType(cardVisibility()).text(m.text()).blocks(m.blocks()).build();
    }

    private SlackMessage message(RouterReply reply) {
        if (reply instanceof RouterReply.CardReply c) {
            return renderer.card(c.card());
        }
        if (reply instanceof RouterReply.DetailsReply d) {
            return renderer.details(d.details());
        }
        if (reply instanceof RouterReply.Help h) {
            return renderer.text(SlackText.escape(h.text()));
        }
        if (reply instanceof RouterReply.Refusal r) {
            return renderer.text(SlackText.inert(r.text()));
        }
        RouterReply.Failure f = (RouterReply.Failure) reply;
        return renderer.text(":warning: " + SlackText.inert(f.text()));
    }

    private static ActionResponse ephemeral(SlackMessage m) {
        return ActionResponse.builder().responseType(EPHEMERAL).replaceOriginal(false).text(m.text()).blocks(m.blocks()).build();
    }

    private void respondLater(ActionContext ctx, ActionResponse response) {
        try {
            responses.execute(() -> post("-", () -> poster.post(ctx.getResponseUrl(), response)));
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack: dropped a button reply: the reply queue is full or shut down");
        }
    }

    private static void post(String referenceId, Post post) {
        try {
            int status = post.send();
            if (status / 100 != 2) {
                LOG.warn("Slack refused the reply to check {}: HTTP {}", referenceId, status);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not post the reply to check {} to Slack: {}", referenceId, e.toString());
        }
    }

    private static CommandContext who(BlockActionPayload p) {
        return new CommandContext(Platform.SLACK,
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getChannel() == null ? null : p.getChannel().getId(),
                p.getUser() == null ? null : p.getUser().getId());
    }

    private static String buttonValue(BlockActionPayload p) {
        List<BlockActionPayload.Action> actions = p.getActions();
        return actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
    }

    /** One post to a response_url; gives the HTTP status. */
    @FunctionalInterface
    private interface Post {
        int send() throws IOException;
    }
}
