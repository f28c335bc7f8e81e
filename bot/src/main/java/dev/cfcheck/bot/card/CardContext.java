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
 * @param referenceId      the id that also appears in the log line of this check, or {@code null} (CLI)
 * @param preliminary      Cloudflare's own answer had not come by the deadline: a final card may follow
 */
public record CardContext(Instant checkedAt, boolean cached, long cachedAgeSeconds, long elapsedMs, String referenceId,
        boolean preliminary) {

    /** The context of a final card. */
    public CardContext(Instant checkedAt, boolean cached, long cachedAgeSeconds, long elapsedMs, String referenceId) {
        this(checkedAt, cached, cachedAgeSeconds, elapsedMs, referenceId, false);
    }

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** "checked 2026-11-24 21:07:19 UTC · cached 42 s ago · took 3.1 s · ref ABCD2345", the same on every platform. */
    public String line() {
        String when = checkedAt == null ? "checked" : "checked " + AT.format(checkedAt);
        String cache = cached ? "cached " + Elapsed.seconds(cachedAgeSeconds) + " ago" : "fresh";
        String line = (preliminary ? "preliminary · " : "") + when + " · " + cache + " · took " + Elapsed.millis(elapsedMs);
        // A one-shot CLI check has no reference id: nothing was logged to refer to.
        return referenceId == null ? line : line + " · ref " + referenceId;
    }
}
