package dev.cfcheck.bot.router;

import java.util.concurrent.CompletableFuture;

/**
 * The router's immediate answer to a command, given before any check runs, so an adapter can reply
 * within the platform's deadline (Slack's 3 s ack, Discord's defer) and decide between an ephemeral
 * refusal and a public "checking…".
 */
public sealed interface Admission {

    /** Nothing to run: reply with this now (help or a refusal, both ephemeral). */
    record Answered(RouterReply reply) implements Admission {
    }

    /**
     * A check was taken: started, joined to the same check in flight, or answered by the cache. Nothing waits
     * for it on the caller's thread.
     *
     * @param referenceId the id of this check
     * @param target      what is being checked, for the "checking…" line (user input: escape it)
     * @param reply       completes with a {@link RouterReply.CardReply} or a {@link RouterReply.Failure},
     *                    never exceptionally; possibly already complete (a cached report). Callbacks added
     *                    before it completes run on the thread that completes the check (a checker thread,
     *                    or the timer that ends an overrunning one), so they must be quick or hand off, and a
     *                    clean shutdown waits for them too
     */
    record Started(String referenceId, String target, CompletableFuture<RouterReply> reply) implements Admission {

        /** "checking example.com…" */
        public String ackText() {
            return "checking " + target + "…";
        }
    }
}
