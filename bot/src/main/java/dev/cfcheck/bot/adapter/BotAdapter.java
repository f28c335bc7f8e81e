package dev.cfcheck.bot.adapter;

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

    /**
     * Whether the adapter is connected and taking commands now (asked by the operator port's {@code /readyz},
     * only after {@link #start()} returned). By default an adapter with no connection to lose, such as the
     * console, is ready once started; a platform adapter says whether its link to the platform is up.
     */
    default boolean ready() {
        return true;
    }

    /** Blocks until the adapter has ended (end of input, stopped, or gave up for good). */
    void awaitTermination() throws InterruptedException;

    /** Stops taking commands and disconnects. Idempotent; safe to call from a shutdown hook. */
    void stop();
}
