package dev.cfcheck.bot.router;

import java.time.Duration;

/**
 * How many checks a user and a channel may start (token buckets: a burst up to the count, then one more
 * every window/count).
 *
 * @param perUser    per user
 * @param perChannel per channel (shared by everyone in it)
 */
public record RateLimits(Limit perUser, Limit perChannel) {

    /** 5 per user and 20 per channel a minute: enough for an incident, too little for a scan. */
    public static final RateLimits DEFAULTS = new RateLimits(new Limit(5, Duration.ofMinutes(1)), new Limit(20, Duration.ofMinutes(1)));
    public static final RateLimits OFF = new RateLimits(Limit.OFF, Limit.OFF);

    public RateLimits {
        perUser = perUser == null ? Limit.OFF : perUser;
        perChannel = perChannel == null ? Limit.OFF : perChannel;
    }

    /** Both limits over the same window. */
    public static RateLimits of(int perUser, int perChannel, Duration window) {
        return new RateLimits(new Limit(perUser, window), new Limit(perChannel, window));
    }

    /**
     * @param checks checks per window; 0 turns the limit off
     * @param window the window
     */
    public record Limit(int checks, Duration window) {

        public static final Limit OFF = new Limit(0, Duration.ofMinutes(1));

        public Limit {
            if (checks < 0) {
                throw new IllegalArgumentException("a rate limit cannot be negative");
            }
            if (window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit window must be positive");
            }
        }

        boolean on() {
            return checks > 0;
        }
    }
}
