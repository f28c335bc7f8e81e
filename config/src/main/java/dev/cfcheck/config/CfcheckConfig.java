package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the config file can say, with the defaults filled in. Load it with {@link ConfigLoader}; the
 * command-line options of the CLI take precedence over it (the CLI does that merge).
 *
 * @param timeout          the overall deadline of one check (default 10 s)
 * @param followUp         how long past the deadline the edge request is kept waiting for Cloudflare's own
 *                         answer (its 522 comes at ~19 s, its 524 at 100 s), for a final card; 0 turns it off
 * @param resolver         the DNS resolver as {@code IP[:PORT]}, or {@code null} for the system's
 * @param allowPrivate     lift the safe-target policy: loopback and private targets allowed (default false)
 * @param cloudflareRanges a file of CIDR ranges replacing the bundled list, or {@code null}; a relative path
 *                         in the file is taken from the config file's directory
 * @param caFile           extra trusted CAs (PEM) on top of the JVM's, or {@code null}; relative as above
 * @param cache            the result cache
 * @param thresholds       slow first byte and certificate expiry limits
 * @param domains          per-domain entries by normalized hostname or wildcard (lower case, no trailing dot)
 * @param bot              the chat bot's behaviour
 */
public record CfcheckConfig(
        Duration timeout,
        Duration followUp,
        String resolver,
        boolean allowPrivate,
        Path cloudflareRanges,
        Path caFile,
        CacheSettings cache,
        ThresholdSettings thresholds,
        Map<String, DomainEntry> domains,
        BotSettings bot) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest deadline (the same bound as {@code --timeout}): Cloudflare itself gives up on an origin after 100 s. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(120);
    /** Past Cloudflare's 100 s for a 524, with room for the answer to come back. */
    public static final Duration DEFAULT_FOLLOW_UP = Duration.ofSeconds(125);
    /** Slack's response_url takes a replacement for 30 minutes, Discord's token lives 15: stay well inside both. */
    public static final Duration MAX_FOLLOW_UP = Duration.ofMinutes(10);

    /** What an absent or empty file means. */
    public static final CfcheckConfig DEFAULTS = new CfcheckConfig(
            DEFAULT_TIMEOUT, DEFAULT_FOLLOW_UP, null, false, null, null,
            CacheSettings.DEFAULTS, ThresholdSettings.DEFAULTS, Map.of(), BotSettings.DEFAULTS);

    public CfcheckConfig {
        Validation.positive("timeout", timeout);
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new BadValue("timeout", "must be at most " + MAX_TIMEOUT.toSeconds() + "s, got " + timeout.toSeconds() + "s");
        }
        if (followUp == null || followUp.isNegative()) {
            throw new BadValue("followUp", "must be 0 (off) or a positive duration");
        }
        if (followUp.compareTo(MAX_FOLLOW_UP) > 0) {
            throw new BadValue("followUp", "must be at most " + MAX_FOLLOW_UP.toSeconds() + "s, got " + followUp.toSeconds() + "s");
        }
        if (resolver != null) {
            try {
                AddressLiteral.check(resolver);
            } catch (IllegalArgumentException e) {
                throw new BadValue("resolver", BadValue.shown(resolver) + ": " + e.getMessage());
            }
            resolver = resolver.trim();
        }
        cache = cache == null ? CacheSettings.DEFAULTS : cache;
        thresholds = thresholds == null ? ThresholdSettings.DEFAULTS : thresholds;
        domains = normalizedDomains(domains);
        bot = bot == null ? BotSettings.DEFAULTS : bot;
    }

    @JsonCreator
    static CfcheckConfig fromYaml(
            @JsonProperty("timeout") Duration timeout,
            @JsonProperty("followUp") Duration followUp,
            @JsonProperty("resolver") String resolver,
            @JsonProperty("allowPrivate") Boolean allowPrivate,
            @JsonProperty("cloudflareRanges") String cloudflareRanges,
            @JsonProperty("caFile") String caFile,
            @JsonProperty("cache") CacheSettings cache,
            @JsonProperty("thresholds") ThresholdSettings thresholds,
            @JsonProperty("domains") Map<String, DomainEntry> domains,
            @JsonProperty("bot") BotSettings bot) {
        return new CfcheckConfig(
                timeout == null ? DEFAULT_TIMEOUT : timeout,
                followUp == null ? DEFAULT_FOLLOW_UP : followUp,
                resolver,
                Boolean.TRUE.equals(allowPrivate),
                path("cloudflareRanges", cloudflareRanges),
                path("caFile", caFile),
                cache, thresholds, domains, bot);
    }

    /**
     * The entry for a host: an exact entry first, else the most specific wildcard that covers it
     * ({@code *.b.example.com} before {@code *.example.com}). Case and a trailing dot do not matter.
     *
     * @param asciiHost the host in ASCII (punycode for IDNs)
     */
    public Optional<DomainEntry> domain(String asciiHost) {
        String host = HostPattern.normalizeHost(asciiHost);
        DomainEntry exact = domains.get(host);
        if (exact != null) {
            return Optional.of(exact);
        }
        DomainEntry best = null;
        int bestSpecificity = -1;
        for (Map.Entry<String, DomainEntry> e : domains.entrySet()) {
            HostPattern pattern = new HostPattern(e.getKey());
            if (pattern.isWildcard() && pattern.matches(host) && pattern.specificity() > bestSpecificity) {
                best = e.getValue();
                bestSpecificity = pattern.specificity();
            }
        }
        return Optional.ofNullable(best);
    }

    /** This config with its relative file paths taken from {@code directory} (the config file's). */
    CfcheckConfig withPathsFrom(Path directory) {
        return new CfcheckConfig(timeout, followUp, resolver, allowPrivate,
                cloudflareRanges == null ? null : directory.resolve(cloudflareRanges),
                caFile == null ? null : directory.resolve(caFile),
                cache, thresholds, domains, bot);
    }

    private static Path path(String key, String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw new BadValue(key, "empty path");
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new BadValue(key, "not a file path: " + e.getReason());
        }
    }

    private static Map<String, DomainEntry> normalizedDomains(Map<String, DomainEntry> domains) {
        if (domains == null) {
            return Map.of();
        }
        Map<String, DomainEntry> normalized = new LinkedHashMap<>();
        Map<String, String> writtenAs = new LinkedHashMap<>();
        for (Map.Entry<String, DomainEntry> e : domains.entrySet()) {
            String host;
            try {
                host = HostPattern.of(e.getKey()).pattern();
            } catch (IllegalArgumentException invalid) {
                throw new BadValue(KeyPath.of("domains", e.getKey()), invalid.getMessage());
            }
            String earlier = writtenAs.putIfAbsent(host, e.getKey());
            if (earlier != null) {
                throw new BadValue(KeyPath.of("domains", e.getKey()), "the same host as " + BadValue.shown(earlier));
            }
            normalized.put(host, e.getValue() == null ? DomainEntry.NONE : e.getValue());
        }
        return Collections.unmodifiableMap(normalized);
    }
}
