package dev.cfcheck.bot.router;

import java.util.concurrent.CompletableFuture;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;

/** What the router answers; each platform's adapter turns it into a message. */
public sealed interface RouterReply {

    /**
     * A finished check: post the card (public unless the config says ephemeral).
     *
     * @param card        the card to post now
     * @param replacement for a preliminary card (Cloudflare's own answer had not come by the deadline):
     *                    completes with the final card to put in its place, once; with {@code null} when there is
     *                    none (the card was final, the verdict did not change, or the follow-up failed). Never
     *                    completes exceptionally.
     */
    record CardReply(Card card, CompletableFuture<Card> replacement) implements RouterReply {

        /** A final card: nothing will replace it. */
        public CardReply(Card card) {
            this(card, CompletableFuture.completedFuture(null));
        }
    }

    /** The full evidence of an earlier check, for the one person who asked (ephemeral). */
    record DetailsReply(Details details) implements RouterReply {
    }

    /** How to use the command (ephemeral). */
    record Help(String text) implements RouterReply {
    }

    /** The request was not run: bad input, access rules, rate limit, busy (ephemeral, one line). */
    record Refusal(String text) implements RouterReply {

        /** A button whose check is no longer held (or was never ours). */
        public static final Refusal EXPIRED = new Refusal("That check is too old to re-run or expand: run /cfcheck again.");
        /** An adapter failed before the router answered: no check ran, so there is no reference id to quote. */
        public static final Refusal UNHANDLED = new Refusal("Sorry, cfcheck could not handle that. Please try again.");
    }

    /** The check failed inside the bot: a short apology quoting the reference id, never a stack trace. */
    record Failure(String text, String referenceId) implements RouterReply {

        /** The check ran but its card could not be drawn or sent: the adapter's own apology. */
        public static Failure notShown(String referenceId) {
            return new Failure("Sorry, cfcheck could not show this check. Reference " + referenceId
                    + " (quote it to whoever runs the bot).", referenceId);
        }
    }
}
