package dev.cfcheck.bot.router;

import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.time.Duration;
import java.util.List;

/**
 * Fills in what a chat command does not say: the resolver, the deadline, the per-domain settings and
 * origins from the config. The bot's wiring supplies one built from the config file.
 */
@FunctionalInterface
public interface CheckRequestFactory {

    /**
     * @param target  the validated target
     * @param origins the origins the user named (may be empty: the config may know some)
     * @param fresh   bypass the cache
     */
    CheckRequest create(Target target, List<OriginEndpoint> origins, boolean fresh);

    /** System resolver, safe-target policy on, no per-domain settings. */
    static CheckRequestFactory withTimeout(Duration timeout) {
        return (target, origins, fresh) -> new CheckRequest(target, origins, null, false, timeout, fresh, DomainSettings.NONE);
    }
}
