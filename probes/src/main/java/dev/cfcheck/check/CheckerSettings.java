package dev.cfcheck.check;

import dev.cfcheck.diagnosis.Thresholds;
import java.time.Duration;

/**
 * How the checker runs.
 *
 * @param cacheTtl          how long a report is served from the cache (0 disables caching)
 * @param cacheMaxSize      most reports kept
 * @param maxParallelChecks distinct probe runs at the same time (bounded concurrency)
 * @param thresholds        limits for SLOW_RESPONSE and CERT_EXPIRING
 * @param followUp          how long past the deadline a probe may wait for Cloudflare's own answer (0: no follow-up)
 * @param maxQueuedChecks   distinct probe runs waiting for a turn; past this a check that would need a run of its own
 *                          is refused as busy. At most {@code maxParallelChecks}, so that a queued run waits one
 *                          turn at most (the checker's own bound on a caller's wait is one turn plus the deadline)
 */
public record CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds,
                              Duration followUp, int maxQueuedChecks) {

    /** Past Cloudflare's 100 s for a 524, with room for the request to get there. */
    public static final Duration DEFAULT_FOLLOW_UP = Duration.ofSeconds(125);

    /** 32 running and 32 waiting: an incident channel checking up to 64 different sites at once is never refused. */
    public static final CheckerSettings DEFAULTS =
            new CheckerSettings(Duration.ofSeconds(60), 1000, 32, Thresholds.DEFAULTS, DEFAULT_FOLLOW_UP, 32);

    public CheckerSettings {
        followUp = followUp == null ? Duration.ZERO : followUp;
        if (maxParallelChecks < 1 || maxQueuedChecks < 0 || maxQueuedChecks > maxParallelChecks) {
            throw new IllegalArgumentException("maxParallelChecks must be at least 1 and maxQueuedChecks from 0 to maxParallelChecks");
        }
    }

    /** A queue as long as the parallel runs (one turn). */
    public CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds,
                           Duration followUp) {
        this(cacheTtl, cacheMaxSize, maxParallelChecks, thresholds, followUp, maxParallelChecks);
    }

    /** Without follow-up (the old four-argument form). */
    public CheckerSettings(Duration cacheTtl, long cacheMaxSize, int maxParallelChecks, Thresholds thresholds) {
        this(cacheTtl, cacheMaxSize, maxParallelChecks, thresholds, Duration.ZERO);
    }

    /** Distinct probe runs the checker takes at once: running plus waiting. */
    public int maxRunsAdmitted() {
        return maxParallelChecks + maxQueuedChecks;
    }
}
