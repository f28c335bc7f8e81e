package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Limits that turn a measurement into a finding (the diagnosis has its own record with the same meaning).
 *
 * @param slowFirstByte  a first byte slower than this is a slow response (default 1800 ms, web.dev's "poor")
 * @param certExpiryDays a certificate with fewer days left than this is expiring (default 14)
 */
public record ThresholdSettings(Duration slowFirstByte, int certExpiryDays) {

    public static final ThresholdSettings DEFAULTS = new ThresholdSettings(Duration.ofMillis(1800), 14);

    public ThresholdSettings {
        Validation.positive("slowFirstByte", slowFirstByte);
        Validation.atLeast("certExpiryDays", certExpiryDays, 0);
    }

    @JsonCreator
    static ThresholdSettings fromYaml(
            @JsonProperty("slowFirstByte") Duration slowFirstByte,
            @JsonProperty("certExpiryDays") Integer certExpiryDays) {
        return new ThresholdSettings(
                slowFirstByte == null ? DEFAULTS.slowFirstByte : slowFirstByte,
                certExpiryDays == null ? DEFAULTS.certExpiryDays : certExpiryDays);
    }
}
