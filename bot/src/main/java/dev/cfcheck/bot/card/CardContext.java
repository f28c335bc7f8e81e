package dev.cfcheck.bot.card;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The small print under a card: when, how fresh, how long, and the reference id people quote.
 *
 * @param checkedAt        when the probes ran (UTC)
 * @param cached           the report came from the cache
 * @param cachedAgeSeconds how old the cached report was when the card was made (0 when not cached)
 * @param elapsedMs        how long the probes took
 * @param referenceId      the id that also appears in the log line of this check
 */
public record CardContext(Instant checkedAt, boolean cached, long cachedAgeSeconds, long elapsedMs, String referenceId) {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** "checked 2026-11-24 21:07:19 UTC · cached 42 s ago · took 3.1 s · ref ABCD2345", the same on every platform. */
    public String line() {
        String when = checkedAt == null ? "checked" : "checked " + AT.format(checkedAt);
        String cache = cached ? "cached " + Elapsed.seconds(cachedAgeSeconds) + " ago" : "fresh";
        return when + " · " + cache + " · took " + Elapsed.millis(elapsedMs) + " · ref " + referenceId;
    }
}
