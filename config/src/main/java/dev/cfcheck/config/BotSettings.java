package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the chat bot behaves. Its credentials are not here: they come from the environment ({@link Secrets}).
 *
 * @param showOriginAddress whether public cards show origin IP addresses (default false: they show
 *                          {@code $ORIGIN_IP}; the ephemeral Details always do)
 * @param replyVisibility   who sees the card (default: the whole channel)
 * @param access            where the bot may be used and for which domains (default: no restriction)
 * @param rateLimits        per user and per channel (default 5 and 20 a minute)
 */
public record BotSettings(boolean showOriginAddress, ReplyVisibility replyVisibility, AccessRules access, RateLimits rateLimits) {

    public static final BotSettings DEFAULTS = new BotSettings(false, ReplyVisibility.IN_CHANNEL, AccessRules.NONE, RateLimits.DEFAULTS);

    public BotSettings {
        replyVisibility = replyVisibility == null ? ReplyVisibility.IN_CHANNEL : replyVisibility;
        access = access == null ? AccessRules.NONE : access;
        rateLimits = rateLimits == null ? RateLimits.DEFAULTS : rateLimits;
    }

    @JsonCreator
    static BotSettings fromYaml(
            @JsonProperty("showOriginAddress") Boolean showOriginAddress,
            @JsonProperty("replyVisibility") String replyVisibility,
            @JsonProperty("access") AccessRules access,
            @JsonProperty("rateLimits") RateLimits rateLimits) {
        ReplyVisibility visibility;
        try {
            visibility = replyVisibility == null ? null : ReplyVisibility.parse(replyVisibility);
        } catch (IllegalArgumentException e) {
            throw new BadValue("replyVisibility", e.getMessage());
        }
        return new BotSettings(Boolean.TRUE.equals(showOriginAddress), visibility, access, rateLimits);
    }
}
