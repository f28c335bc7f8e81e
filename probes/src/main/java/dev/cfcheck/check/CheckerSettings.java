package dev.cfcheck.check;

import dev.cfcheck.diagnosis.Thresholds;
import java.time.Duration;

/**
 * How the checker runs.
 *
 * @param cacheTtl         how long a report is served from the cache (0 disables caching)
 * @param cacheMaxSize     most reports kept
 * @param maxParallelChecks checks that may probe at the same time; more wait their turn (bounded concurrency)
 * @param thresholds       limits for SLOW_RESPONSE and CERT_EXPIRING
 */
public record CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds) {

    public static final CheckerSettings DEFAULTS =
            new CheckerSettings(Duration.ofSeconds(60), 1000, 16, Thresholds.DEFAULTS);
}
