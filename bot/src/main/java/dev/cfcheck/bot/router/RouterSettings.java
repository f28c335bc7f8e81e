package dev.cfcheck.bot.router;

import java.time.Duration;

/**
 * How the router behaves: the {@code bot} section of the config, plus a few bounds.
 *
 * @param showOriginAddress  show origin IPs on public cards (otherwise {@code $ORIGIN_IP})
 * @param replyVisibility    where finished cards go
 * @param access             who may use the bot and for which domains
 * @param rateLimits         per user and per channel
 * @param recentChecks       how many finished checks are kept for the Re-run and Details buttons
 * @param recentCheckTtl     how long they are kept
 * @param shutdownGrace      how long a shutdown waits for running checks
 */
public record RouterSettings(
        boolean showOriginAddress,
        ReplyVisibility replyVisibility,
        AccessRules access,
        RateLimits rateLimits,
        int recentChecks,
        Duration recentCheckTtl,
        Duration shutdownGrace) {

    public static final RouterSettings DEFAULTS = new RouterSettings(false, ReplyVisibility.IN_CHANNEL,
            AccessRules.UNRESTRICTED, RateLimits.DEFAULTS, 2_000, Duration.ofHours(2), Duration.ofSeconds(20));

    public RouterSettings {
        if (recentChecks < 1) {
            throw new IllegalArgumentException("the recent-check bound must be at least 1");
        }
        replyVisibility = replyVisibility == null ? ReplyVisibility.IN_CHANNEL : replyVisibility;
        access = access == null ? AccessRules.UNRESTRICTED : access;
        rateLimits = rateLimits == null ? RateLimits.DEFAULTS : rateLimits;
    }

    public RouterSettings withAccess(AccessRules access) {
        return new RouterSettings(showOriginAddress, replyVisibility, access, rateLimits,
                recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withRateLimits(RateLimits rateLimits) {
        return new RouterSettings(showOriginAddress, replyVisibility, access, rateLimits,
                recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withShowOriginAddress(boolean show) {
        return new RouterSettings(show, replyVisibility, access, rateLimits,
                recentChecks, recentCheckTtl, shutdownGrace);
    }

    public RouterSettings withReplyVisibility(ReplyVisibility visibility) {
        return new RouterSettings(showOriginAddress, visibility, access, rateLimits,
                recentChecks, recentCheckTtl, shutdownGrace);
    }
}
