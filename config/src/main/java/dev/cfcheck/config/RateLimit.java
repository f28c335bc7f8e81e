package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * At most {@code requests} checks in any window of {@code per}.
 *
 * @param requests how many checks are allowed in a window (at least 1)
 * @param per      the length of the window
 */
public record RateLimit(int requests, Duration per) {

    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    public RateLimit {
        Validation.atLeast("requests", requests, 1);
        Validation.positive("per", per);
    }

    /** In the file {@code requests} is required; {@code per} defaults to 60 s. */
    @JsonCreator
    static RateLimit fromYaml(@JsonProperty("requests") Integer requests, @JsonProperty("per") Duration per) {
        if (requests == null) {
            throw new BadValue("requests", "missing (how many checks are allowed per window, e.g. requests: 5)");
        }
        return new RateLimit(requests, per == null ? DEFAULT_WINDOW : per);
    }
}
