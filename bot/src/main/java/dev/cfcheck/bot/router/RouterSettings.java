package dev.cfcheck.bot.router;

import java.time.Duration;

/**
 * How the router behaves: the {@code bot} section of the config, plus a few bounds.
 *
 * @param showOriginAddress  show origin IPs on public cards (otherwise {@code $ORIGIN_IP})
 * @param replyVisibility    where finished cards go
 * @param access             who may use the bot and for which domains
 * @param rateLimits         per user and per channel
 * @param maxConcurrentChecks checks running at once
 * @param maxQueuedChecks    checks waiting for a thread; past this the bot says it is busy
 * @param recentChecks       how many finished checks are kept for the Re-run and Details buttons
 * @param recentCheckTtl     how long they are kept
 * @param shutdownGrace      how long a shutdown waits for running checks
 */
public record RouterSettings(
        boolean showOriginAddress,
        ReplyVisibility replyVisibility,
        AccessRules access,
        RateLimits rateLimits,
        int maxConcurrentChecks,
        int maxQueuedChecks,
        int recentChecks,
        Duration recentCheckTtl,
        Duration shutdownGrace) {

    public static final RouterSettings DEFAULTS = new RouterSettings(false, ReplyVisibility.IN_CHANNEL,
            AccessRules.UNRESTRICTED, RateLimits.DEFAULTS, 4, 32, 2_000, Duration.ofHours(2), Duration.ofSeconds(20));

    public RouterSettings {
        if (maxConcurrentChecks < 1 || maxQueuedChecks < 1 || recentChecks < 1) {
            throw new IllegalArgumentException("check concurrency, queue and recent-check bounds must be at least 1");
        }
        replyVisibility = replyVisibility == null ? ReplyVisibility.IN_CHANNEL : replyVisibility;
        access = access == null ? AccessRules.UNRESTRICTED : access;
        rateLimits = rateLimits == null ? RateLimits.DEFAULTS : rateLimits;
    }

    public RouterSettings withAccess(AccessRules access) {
        return new RouterSettings(showOriginAddress, replyVisibility, access, rateLimits, maxConcurrentChecks,
                maxQueuedChecks, recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withRateLimits(RateLimits rateLimits) {
        return new RouterSettings(showOriginAddress, replyVisibility, access, rateLimits, maxConcurrentChecks,
                maxQueuedChecks, recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withShowOriginAddress(boolean show) {
        return new RouterSettings(show, replyVisibility, access, rateLimits, maxConcurrentChecks,
                maxQueuedChecks, recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withReplyVisibility(ReplyVisibility visibility) {
        return new RouterSettings(showOriginAddress, visibility, access, rateLimits, maxConcurrentChecks,
                maxQueuedChecks, recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withConcurrency(int maxConcurrentChecks, int maxQueuedChecks) {
        return new RouterSettings(showOriginAddress, replyVisibility, access, rateLimits, maxConcurrentChecks,
                maxQueuedChecks, recentChecks, recentCheckTtl, shutdownGrace);
    }
}
