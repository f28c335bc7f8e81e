package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The checker's result cache.
 *
 * @param ttl     how long a result is reused (default 60 s)
 * @param maxSize how many results are kept at most (default 1000; 0 turns caching off)
 */
public record CacheSettings(Duration ttl, int maxSize) {

    public static final CacheSettings DEFAULTS = new CacheSettings(Duration.ofSeconds(60), 1000);

    public CacheSettings {
        Validation.positive("ttl", ttl);
        Validation.atLeast("maxSize", maxSize, 0);
    }

    @JsonCreator
    static CacheSettings fromYaml(@JsonProperty("ttl") Duration ttl, @JsonProperty("maxSize") Integer maxSize) {
        return new CacheSettings(
                ttl == null ? DEFAULTS.ttl : ttl,
                maxSize == null ? DEFAULTS.maxSize : maxSize);
    }
}
