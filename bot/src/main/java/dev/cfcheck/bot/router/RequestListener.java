package dev.cfcheck.bot.router;

import java.util.Locale;

/**
 * Told how the router handled each command and Re-run click, so that something outside the router (the
 * metrics) can count them without the router knowing what is counted. An immediate answer is reported on
 * the caller's thread; a check's outcome when its card or failure is ready, on the thread that completed the check. It must
 * be quick; the router logs and ignores anything it throws.
 */
@FunctionalInterface
public interface RequestListener {

    /** The router's default: nothing is told. */
    RequestListener NONE = (platform, outcome) -> { };

    void handled(Platform platform, Outcome outcome);

    /** What came of one request. */
    enum Outcome {
        /** A card was posted (a check ran), or the help text. */
        ANSWERED,
        /** The user's or the channel's rate limit was reached. */
        REFUSED_RATE_LIMIT,
        /** The access rules do not allow this place or this domain. */
        REFUSED_ACCESS,
        /** The check needed a probe run of its own and the checker had no room for one, or the bot was shutting down. */
        REFUSED_BUSY,
        /** An unreadable command, domain or origin, or a Re-run of a check no longer kept. */
        BAD_INPUT,
        /** The check failed inside cfcheck: the user got an apology with a reference id. */
        FAILED;

        /** "refused_rate_limit": the label value. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
