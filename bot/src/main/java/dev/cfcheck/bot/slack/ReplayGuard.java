package dev.cfcheck.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the signatures of verified requests until their timestamp leaves the accepted window, so
 * that the same signed request sent again inside it is refused. A signature covers its timestamp, so the
 * signature alone names the request. Memory is bounded: past {@code maxEntries} the least useful entries
 * go (only Slack can make signatures, so a real workspace stays far below the bound).
 */
final class ReplayGuard {

    /** Slack sends a handful of requests a second at most; this is minutes of that, about 2 MiB. */
    static final int DEFAULT_MAX_ENTRIES = 20_000;

    private final Cache<String, Long> seen;
    private final Clock clock;
    private final Duration window;

    ReplayGuard(Clock clock, Duration window, int maxEntries) {
        this.clock = clock;
        this.window = window;
        this.seen = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.creating((String signature, Long timestamp) -> remaining(timestamp)))
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /**
     * True the first time a signature is offered inside the window, false for every repeat.
     *
     * @param timestamp the request's timestamp (epoch seconds), already checked to be inside the window
     */
    boolean firstTime(String signature, long timestamp) {
        return seen.asMap().putIfAbsent(signature, timestamp) == null;
    }

    /** Until the timestamp leaves the window (a request from the future stays valid longer than the window). */
    private Duration remaining(long timestamp) {
        long until = (timestamp + window.toSeconds() + 1) * 1000 - clock.millis();
        return Duration.ofMillis(Math.max(0, until));
    }

    long size() {
        seen.cleanUp();
        return seen.estimatedSize();
    }
}
