package dev.cfcheck.bot.card;

import java.time.Instant;

/**
 * The small print under a card: when, how fresh, how long, and the reference id people quote.
 *
 * @param checkedAt       when the probes ran (UTC)
 * @param cached          the report came from the cache
 * @param cachedAgeSeconds how old the cached report was when the card was made (0 when not cached)
 * @param elapsedMs       how long the probes took
 * @param referenceId     the id that also appears in the log line of this check
 */
public record CardContext(Instant checkedAt, boolean cached, long cachedAgeSeconds, long elapsedMs, String referenceId) {
}
