package dev.cfcheck.probes.cfapi;

import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OneLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the zone settings that decide how Cloudflare talks to the origin and to visitors, one
 * {@code GET /zones/{id}/settings/{setting}} each, all at once (Zone Settings:Read). A setting that cannot be
 * read stays unknown; the first problem of each kind is kept.
 */
final class SettingsReader {

    static final String DURING = "zone settings";
    static final String SSL = "ssl";
    static final String ALWAYS_USE_HTTPS = "always_use_https";
    static final String MIN_TLS_VERSION = "min_tls_version";
    static final String TLS_1_3 = "tls_1_3";
    /** Authenticated Origin Pulls (the global, Cloudflare-certificate kind); zone-level AOP needs SSL and Certificates:Read. */
    static final String TLS_CLIENT_AUTH = "tls_client_auth";
    static final List<String> READ = List.of(SSL, ALWAYS_USE_HTTPS, MIN_TLS_VERSION, TLS_1_3, TLS_CLIENT_AUTH);

    /** The settings, and what kept any of them from being read. */
    record Read(ZoneSettings settings, List<ApiProblem> problems) {
    }

    private final CloudflareApi api;

    SettingsReader(CloudflareApi api) {
        this.api = api;
    }

    /** Starts every call; {@link Pending#await} collects them. */
    Pending start(String zoneId, Deadline deadline) {
        Map<String, CompletableFuture<ApiEnvelope<ApiZoneSetting>>> calls = new LinkedHashMap<>();
        for (String id : READ) {
            var url = api.url("zones", zoneId, "settings", id).build();
            calls.put(id, api.get(DURING, url, CloudflareApi.typeOf(ApiZoneSetting.class), deadline));
        }
        return new Pending(calls, deadline);
    }

    /** Calls in flight. */
    static final class Pending {
        private final Map<String, CompletableFuture<ApiEnvelope<ApiZoneSetting>>> calls;
        private final Deadline deadline;

        private Pending(Map<String, CompletableFuture<ApiEnvelope<ApiZoneSetting>>> calls, Deadline deadline) {
            this.calls = calls;
            this.deadline = deadline;
        }

        Read await() {
            Map<String, String> values = new LinkedHashMap<>();
            List<ApiProblem> problems = new ArrayList<>();
            calls.forEach((id, call) -> {
                try {
                    ApiZoneSetting setting = CloudflareApi.await(call, DURING, deadline).result();
                    values.put(id, setting == null ? null : OneLine.of(setting.text(), 20)); // network text
                } catch (ApiException e) {
                    if (problems.stream().noneMatch(p -> p.kind() == e.problem().kind())) {
                        problems.add(e.problem());
                    }
                }
            });
            return new Read(new ZoneSettings(sslMode(values.get(SSL)), values.get(ALWAYS_USE_HTTPS),
                    values.get(MIN_TLS_VERSION), values.get(TLS_1_3), values.get(TLS_CLIENT_AUTH)), problems);
        }

        private static SslMode sslMode(String value) {
            try {
                return value == null ? null : SslMode.parse(value);
            } catch (IllegalArgumentException e) {
                return null; // a mode this version does not know: unknown rather than wrong
            }
        }
    }
}
