package dev.cfcheck.check;

import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One check to run.
 *
 * @param target       the validated target
 * @param origins      origin addresses to probe directly (may be empty)
 * @param resolver     the DNS resolver to ask, or {@code null} for the system's
 * @param allowPrivate lift the safe-target policy (loopback, private... addresses allowed)
 * @param timeout      the overall deadline of the check
 * @param fresh        bypass the cache
 * @param settings     per-domain settings from the config
 */
public record CheckRequest(
        Target target,
        List<OriginEndpoint> origins,
        InetSocketAddress resolver,
        boolean allowPrivate,
        Duration timeout,
        boolean fresh,
        DomainSettings settings) {

    /** Origins probed per check at most: bounds the probe threads one check can take. */
    public static final int MAX_ORIGINS = dev.cfcheck.probes.ProbeContext.MAX_ORIGINS;

    public CheckRequest {
        origins = List.copyOf(origins);
        if (origins.size() > MAX_ORIGINS) {
            throw new dev.cfcheck.site.BadInputException(
                    "too many origins: " + origins.size() + " (at most " + MAX_ORIGINS + ")");
        }
        settings = settings == null ? DomainSettings.NONE : settings;
    }

    /** The same request with the cache bypassed. */
    public CheckRequest withFresh(boolean fresh) {
        return new CheckRequest(target, origins, resolver, allowPrivate, timeout, fresh, settings);
    }
}
