package dev.cfcheck.bot.runtime;

/**
 * One chat platform (or the console) connected to the command router. Adapters are thin: they turn a
 * platform event into a router call and a {@code RouterReply} into a platform message, nothing else.
 */
public interface BotAdapter {

    /** "slack", "discord", "console": used in log and error lines. */
    String name();

    /**
     * Connects and starts taking commands. Returns once running.
     *
     * @throws Exception when it cannot start; the message is shown as the reason
     */
    void start() throws Exception;

    /** Blocks until the adapter has ended (end of input, stopped, or gave up for good). */
    void awaitTermination() throws InterruptedException;

    /** Stops taking commands and disconnects. Idempotent; safe to call from a shutdown hook. */
    void stop();
}
