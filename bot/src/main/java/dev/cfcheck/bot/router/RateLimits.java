package dev.cfcheck.bot.router;

import java.time.Duration;

/**
 * How many checks a user and a channel may start per window (token buckets: a burst up to the count,
 * then one more every window/count). A count of 0 turns that limit off.
 *
 * @param perUser    checks per user per window
 * @param perChannel checks per channel per window (shared by everyone in it)
 * @param window     the window
 */
public record RateLimits(int perUser, int perChannel, Duration window) {

    /** 5 per user and 20 per channel a minute: enough for an incident, too little for a scan. */
    public static final RateLimits DEFAULTS = new RateLimits(5, 20, Duration.ofMinutes(1));
    public static final RateLimits OFF = new RateLimits(0, 0, Duration.ofMinutes(1));

    public RateLimits {
        if (perUser < 0 || perChannel < 0) {
            throw new IllegalArgumentException("rate limits cannot be negative");
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit window must be positive");
        }
    }
}
