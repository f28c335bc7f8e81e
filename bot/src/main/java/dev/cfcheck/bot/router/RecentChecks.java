package dev.cfcheck.bot.router;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The last checks by reference id, so the Re-run and Details buttons need carry only that id: no origin
 * address in a button payload, and Discord's 100-character custom ids are enough. Bounded and expiring;
 * an expired id gets a polite "run /cfcheck again".
 */
final class RecentChecks {

    /**
     * @param context          who asked and where (buttons are honoured only in the same workspace)
     * @param request          the request as run
     * @param requestedOrigins the origins the user named, as text (hidden on the card like the probed ones)
     * @param report           the result
     */
    record Entry(CommandContext context, CheckRequest request, List<String> requestedOrigins, CheckReport report) {
    }

    private final Cache<String, Entry> entries;

    RecentChecks(int maxEntries, Duration ttl, Ticker ticker) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
    }

    void put(String referenceId, Entry entry) {
        entries.put(referenceId, entry);
    }

    /** The entry, if it is still held and was made on the same platform and workspace. */
    Optional<Entry> get(String referenceId, CommandContext asker) {
        if (!ReferenceId.isWellFormed(referenceId)) {
            return Optional.empty();
        }
        Entry e = entries.getIfPresent(referenceId);
        if (e == null || e.context().platform() != asker.platform()
                || !java.util.Objects.equals(e.context().workspaceId(), asker.workspaceId())) {
            return Optional.empty();
        }
        return Optional.of(e);
    }
}
