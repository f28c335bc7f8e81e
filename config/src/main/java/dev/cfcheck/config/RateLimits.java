package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How often the bot runs checks for one person and for one channel.
 *
 * @param perUser    per user (default 5 a minute)
 * @param perChannel per channel (default 20 a minute)
 */
public record RateLimits(RateLimit perUser, RateLimit perChannel) {

    public static final RateLimits DEFAULTS = new RateLimits(
            new RateLimit(5, Duration.ofSeconds(60)),
            new RateLimit(20, Duration.ofSeconds(60)));

    public RateLimits {
        perUser = perUser == null ? DEFAULTS.perUser : perUser;
        perChannel = perChannel == null ? DEFAULTS.perChannel : perChannel;
    }

    @JsonCreator
    static RateLimits fromYaml(@JsonProperty("perUser") RateLimit perUser, @JsonProperty("perChannel") RateLimit perChannel) {
        return new RateLimits(perUser, perChannel);
    }
}
