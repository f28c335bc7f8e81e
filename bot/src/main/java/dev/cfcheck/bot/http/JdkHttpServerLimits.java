package dev.cfcheck.bot.http;

/**
 * Time limits for every JDK {@code HttpServer} in the process (the metrics endpoint; Slack HTTP mode runs on
 * {@link BoundedHttpServer}, whose limits are its own).
 * The JDK server reads requests with blocking reads and, by default, no time limit: a client that stops
 * half-way through its headers or body would hold a worker thread for ever. Its documented limits are system
 * properties read once, when the first server of the JVM is made, so every server must install them before
 * it is created, whichever comes first. An operator's own {@code -D} setting wins.
 */
public final class JdkHttpServerLimits {

    /** Slack gives up on an ack after 3 s and a scrape is a small read: nothing useful takes longer. */
    public static final long MAX_EXCHANGE_SECONDS = 5;

    static {
        limit("sun.net.httpserver.maxReqTime", MAX_EXCHANGE_SECONDS);
        limit("sun.net.httpserver.maxRspTime", MAX_EXCHANGE_SECONDS);
    }

    private JdkHttpServerLimits() {
    }

    /** Call before {@code HttpServer.create}; the first call sets the limits, later ones do nothing. */
    public static void install() {
        // The static initialiser above does the work exactly once.
    }

    private static void limit(String property, long seconds) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Long.toString(seconds));
        }
    }
}
