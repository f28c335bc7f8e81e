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
 * @param followUp         how long past the deadline a probe may wait for Cloudflare's own answer (0: no follow-up)
 */
public record CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds,
                              Duration followUp) {

    /** Past Cloudflare's 100 s for a 524, with room for the request to get there. */
    public static final Duration DEFAULT_FOLLOW_UP = Duration.ofSeconds(125);

    public static final CheckerSettings DEFAULTS =
            new CheckerSettings(Duration.ofSeconds(60), 1000, 16, Thresholds.DEFAULTS, DEFAULT_FOLLOW_UP);

    public CheckerSettings {
        followUp = followUp == null ? Duration.ZERO : followUp;
    }

    /** Without follow-up (the old four-argument form). */
    public CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds) {
        this(cacheTtl, cacheMaxSize, maxParallelChecks, thresholds, Duration.ZERO);
    }
}
