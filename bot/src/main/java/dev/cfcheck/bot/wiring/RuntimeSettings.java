package dev.cfcheck.bot.wiring;

import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.OriginParser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings a process runs with: the config file's, with the command line's options on top.
 *
 * @param resolver     DNS resolver, or {@code null} for the system's
 * @param timeout      overall deadline of a check
 * @param allowPrivate lift the safe-target policy
 * @param rangesFile   Cloudflare ranges replacing the bundled list, or {@code null}
 * @param caFile       extra trusted CAs, or {@code null}
 * @param cacheTtl     how long reports are cached
 * @param cacheMaxSize how many reports are cached at most
 * @param thresholds   SLOW_RESPONSE and CERT_EXPIRING limits
 * @param followUp     how long past the deadline to wait for Cloudflare's own answer (0: off)
 */
public record RuntimeSettings(
        InetSocketAddress resolver,
        Duration timeout,
        boolean allowPrivate,
        Path rangesFile,
        Path caFile,
        Duration cacheTtl,
        long cacheMaxSize,
        Thresholds thresholds,
        Duration followUp) {

    /** The longest deadline accepted: Cloudflare itself gives up on an origin after 100 s. */
    public static final Duration MAX_TIMEOUT = CfcheckConfig.MAX_TIMEOUT;

    public RuntimeSettings {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new BadInputException("timeout must be between 0 and " + MAX_TIMEOUT.toSeconds() + " seconds");
        }
    }

    /** The config file's settings as they are. */
    public static RuntimeSettings from(CfcheckConfig config) {
        return new RuntimeSettings(
                config.resolver() == null ? null : resolver(config.resolver()),
                config.timeout(),
                config.allowPrivate(),
                config.cloudflareRanges(),
                config.caFile(),
                config.cache().ttl(),
                config.cache().maxSize(),
                new Thresholds(config.thresholds().slowFirstByte(), config.thresholds().certExpiryDays()),
                config.followUp());
    }

    /** "IP[:PORT]" (port 53 by default) as a resolver address; names are refused: a resolver cannot be looked up. */
    public static InetSocketAddress resolver(String text) {
        OriginEndpoint endpoint;
        try {
            endpoint = OriginParser.parse(text);
        } catch (BadInputException e) {
            // The origin parser's own words talk about origins; say what a resolver must be.
            throw new BadInputException("bad DNS resolver: give an IP address, optionally with a port (127.0.0.53, [::1]:53)");
        }
        return new InetSocketAddress(endpoint.address(), endpoint.port() == null ? 53 : endpoint.port());
    }

    public RuntimeSettings withResolver(InetSocketAddress value) {
        return new RuntimeSettings(value, timeout, allowPrivate, rangesFile, caFile, cacheTtl, cacheMaxSize, thresholds, followUp);
    }

    public RuntimeSettings withTimeout(Duration value) {
        return new RuntimeSettings(resolver, value, allowPrivate, rangesFile, caFile, cacheTtl, cacheMaxSize, thresholds, followUp);
    }

    public RuntimeSettings withAllowPrivate(boolean value) {
        return new RuntimeSettings(resolver, timeout, value, rangesFile, caFile, cacheTtl, cacheMaxSize, thresholds, followUp);
    }

    public RuntimeSettings withRangesFile(Path value) {
        return new RuntimeSettings(resolver, timeout, allowPrivate, value, caFile, cacheTtl, cacheMaxSize, thresholds, followUp);
    }

    public RuntimeSettings withFollowUp(Duration value) {
        return new RuntimeSettings(resolver, timeout, allowPrivate, rangesFile, caFile, cacheTtl, cacheMaxSize, thresholds, value);
    }

    public RuntimeSettings withCaFile(Path value) {
        return new RuntimeSettings(resolver, timeout, allowPrivate, rangesFile, value, cacheTtl, cacheMaxSize, thresholds, followUp);
    }
}
