package dev.cfcheck.probes.cfapi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cfcheck.probes.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the zone of a host: {@code GET /zones?name=} for the host, then each parent name, until one is a zone
 * the token can read ({@code shop.example.com}, then {@code example.com}). Answers are cached (a zone for
 * minutes, its absence for one), so a busy channel asks the API about a zone once in a while, not per check.
 */
final class ZoneFinder {

    static final String DURING = "zone lookup";
    static final Duration FOUND_TTL = Duration.ofMinutes(5);
    static final Duration MISSING_TTL = Duration.ofMinutes(1);
    /** Names asked at most per host: beyond this many labels the host is not a plausible site. */
    static final int MAX_NAMES = 8;

    private final CloudflareApi api;
    private final Cache<String, Optional<ApiZone>> zones = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(Expiry.<String, Optional<ApiZone>>creating((name, zone) -> zone.isPresent() ? FOUND_TTL : MISSING_TTL))
            .build();

    ZoneFinder(CloudflareApi api) {
        this.api = api;
    }

    /**
     * @return the zone, or empty when neither the host nor a parent is a zone the token can read
     * @throws ApiException when the API could not say (token refused, rate limited, no answer)
     */
    Optional<ApiZone> find(String host, Deadline deadline) {
        for (String name : names(host)) {
            Optional<ApiZone> cached = zones.getIfPresent(name);
            Optional<ApiZone> zone = cached != null ? cached : ask(name, deadline);
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }

    private Optional<ApiZone> ask(String name, Deadline deadline) {
        var url = api.url("zones").addQueryParameter("name", name).addQueryParameter("per_page", "5").build();
        ApiEnvelope<List<ApiZone>> answer = CloudflareApi.await(
                api.get(DURING, url, CloudflareApi.listOf(ApiZone.class), deadline), DURING, deadline);
        // The filter is an exact match; an active zone wins over a pending copy of the same name.
        Optional<ApiZone> zone = (answer.result() == null ? List.<ApiZone>of() : answer.result()).stream()
                .filter(z -> z != null && z.id() != null && name.equalsIgnoreCase(z.name()))
                .min(Comparator.comparing(z -> !"active".equals(z.status())));
        zones.put(name, zone);
        return zone;
    }

    /** The host and its parents down to two labels, longest first: "a.shop.example.com", "shop.example.com", "example.com". */
    static List<String> names(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        List<String> out = new ArrayList<>();
        while (name.indexOf('.') > 0 && out.size() < MAX_NAMES) {
            out.add(name);
            name = name.substring(name.indexOf('.') + 1);
        }
        return out;
    }
}
