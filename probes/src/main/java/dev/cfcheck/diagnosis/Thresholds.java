package dev.cfcheck.diagnosis;

import java.time.Duration;

/**
 * Limits that turn a measurement into a finding.
 *
 * @param slowFirstByte first byte slower than this is SLOW_RESPONSE (default 1.8 s, web.dev's "poor" TTFB)
 * @param certExpiryDays a certificate with fewer days left than this is CERT_EXPIRING (default 14)
 */
public record Thresholds(Duration slowFirstByte, int certExpiryDays) {

    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMillis(1800), 14);
}
