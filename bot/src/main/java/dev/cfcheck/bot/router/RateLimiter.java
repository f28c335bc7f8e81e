package dev.cfcheck.bot.router;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cfcheck.bot.card.Elapsed;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets per user and per channel, held in bounded caches (idle buckets are dropped: a bucket
 * idle for a window is full again anyway). A check needs a token from both; neither is spent when
 * either is empty.
 */
public final class RateLimiter {

    private static final int MAX_BUCKETS = 10_000;

    private final RateLimits limits;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> channels;

    public RateLimiter(RateLimits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanoTime the clock (tests pass a manual one) */
    public RateLimiter(RateLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.users = buckets(limits.perUser(), nanoTime);
        this.channels = buckets(limits.perChannel(), nanoTime);
    }

    private static Cache<String, Bucket> buckets(RateLimits.Limit limit, LongSupplier nanoTime) {
        return Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(limit.window().multipliedBy(2))
                .ticker(nanoTime::getAsLong).build();
    }

    /** Takes a token for this user and channel, or says why not and when to retry. */
    public synchronized Decision acquire(CommandContext ctx) {
        if (!ctx.platform().isChat()) {
            return Decision.ALLOWED;
        }
        long now = nanoTime.getAsLong();
        String scope = ctx.platform().id() + ":" + ctx.workspaceId() + ":";
        RateLimits.Limit u = limits.perUser();
        RateLimits.Limit c = limits.perChannel();
        Bucket user = u.on() ? users.get(scope + ctx.userId(), k -> new Bucket(u.checks(), now)) : null;
        Bucket channel = c.on() ? channels.get(scope + ctx.channelId(), k -> new Bucket(c.checks(), now)) : null;
        if (user != null) {
            long wait = user.nanosUntilToken(u.checks(), u.window(), now);
            if (wait > 0) {
                return refused("you can start " + checks(u.checks()) + " per " + Elapsed.seconds(u.window().toSeconds()), wait);
            }
        }
        if (channel != null) {
            long wait = channel.nanosUntilToken(c.checks(), c.window(), now);
            if (wait > 0) {
                return refused("this channel can start " + checks(c.checks()) + " per " + Elapsed.seconds(c.window().toSeconds()), wait);
            }
        }
        if (user != null) {
            user.take();
        }
        if (channel != null) {
            channel.take();
        }
        return Decision.ALLOWED;
    }

    private static String checks(int n) {
        return n == 1 ? "1 check" : n + " checks";
    }

    private static Decision refused(String rule, long waitNanos) {
        Duration retry = Duration.ofNanos(waitNanos);
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, "Slow down: " + rule + ". Try again in " + Elapsed.seconds(seconds) + ".", retry);
    }

    /**
     * @param allowed    a token was taken
     * @param message    why not, for the user, or {@code null}
     * @param retryAfter how long until a token is free, or zero
     */
    public record Decision(boolean allowed, String message, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, null, Duration.ZERO);
    }

    /** Guarded by the limiter's lock. */
    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastNanos = now;
        }

        long nanosUntilToken(int capacity, Duration window, long now) {
            double perNano = capacity / (double) window.toNanos();
            tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
            lastNanos = now;
            if (tokens >= 1.0) {
                return 0;
            }
            return (long) Math.ceil((1.0 - tokens) / perNano);
        }

        void take() {
            tokens -= 1.0;
        }
    }
}
