package dev.cfcheck.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * The Cloudflare v4 API on loopback, answering in its documented shapes: the envelope ({@code success},
 * {@code errors} [code, message], {@code messages}, {@code result}, {@code result_info} with page, per_page,
 * count, total_count, total_pages), {@code GET /zones?name=} (exact match), {@code GET /zones/{id}/dns_records?name=}
 * in pages of {@link #pageSize(int)} records, and {@code GET /zones/{id}/settings/{setting}}. A token other than
 * {@link #TOKEN} gets the API's 403 with 9109 "Invalid access token"; an unknown path its 404 with 7003.
 * Faults are set per path prefix: an answer ({@link #error}, {@link #rateLimited}), once or always, or a stall.
 *
 * <pre>{@code
 * try (CloudflareApiStandIn api = CloudflareApiStandIn.start()) {
 *     api.zone("example.test", "z1").record("z1", "A", "shop.example.test", "127.0.0.1", true).setting("z1", "ssl", "strict");
 *     CloudflareApi client = CloudflareApi.create(api.url(), CloudflareApiStandIn.TOKEN);
 * }
 * }</pre>
 */
public final class CloudflareApiStandIn implements AutoCloseable {

    /** The token this stand-in accepts (what CLOUDFLARE_API_TOKEN holds in tests). */
    public static final String TOKEN = "cfat_test-T0ken-never-sh0wn-0123456789";
    private static final String BASE = "/client/v4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> zones = new ConcurrentHashMap<>(); // name -> id
    private final Map<String, List<Map<String, Object>>> records = new ConcurrentHashMap<>(); // zone id -> records
    private final Map<String, Map<String, String>> settings = new ConcurrentHashMap<>(); // zone id -> id -> value
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 100;

    /** An answer for requests whose path starts with {@code prefix} (after /client/v4): always, or {@code times} times. */
    private record Fault(String prefix, MockResponse answer, AtomicInteger left) {
    }

    private CloudflareApiStandIn() {
    }

    public static CloudflareApiStandIn start() {
        CloudflareApiStandIn api = new CloudflareApiStandIn();
        api.server.setServerSocketFactory(new NoDelayServerSocketFactory());
        api.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return api.answer(request);
            }
        });
        try {
            api.server.start(Loopback.ADDRESS, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api;
    }

    /** The base URL, as CLOUDFLARE_API_URL would give it: {@code http://127.0.0.1:PORT/client/v4}. */
    public String url() {
        return "http://" + Loopback.ADDRESS.getHostAddress() + ":" + server.getPort() + BASE;
    }

    /** A zone, with Cloudflare's defaults for the settings cfcheck reads (Full, min TLS 1.0, TLS 1.3 on...). */
    public CloudflareApiStandIn zone(String name, String id) {
        zones.put(name, id);
        return settings(id, "full", "off", "1.0", "on", "off");
    }

    public CloudflareApiStandIn record(String zoneId, String type, String name, String content, boolean proxied) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", "rec" + (records.values().stream().mapToInt(List::size).sum() + 1));
        r.put("zone_id", zoneId);
        r.put("name", name);
        r.put("type", type);
        r.put("content", content);
        r.put("proxiable", true);
        r.put("proxied", proxied);
        r.put("ttl", 1);
        r.put("locked", false);
        r.put("meta", Map.of("auto_added", false));
        r.put("comment", null);
        r.put("tags", List.of());
        r.put("created_on", "2024-05-06T07:08:09.123456Z");
        r.put("modified_on", "2024-05-06T07:08:09.123456Z");
        records.computeIfAbsent(zoneId, z -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    public CloudflareApiStandIn setting(String zoneId, String id, String value) {
        settings.computeIfAbsent(zoneId, z -> new ConcurrentHashMap<>()).put(id, value);
        return this;
    }

    /** The settings cfcheck reads, in one go: ssl, always_use_https, min_tls_version, tls_1_3, tls_client_auth. */
    public CloudflareApiStandIn settings(String zoneId, String ssl, String alwaysUseHttps, String minTls, String tls13, String aop) {
        return setting(zoneId, "ssl", ssl).setting(zoneId, "always_use_https", alwaysUseHttps)
                .setting(zoneId, "min_tls_version", minTls).setting(zoneId, "tls_1_3", tls13)
                .setting(zoneId, "tls_client_auth", aop);
    }

    /** Records per page of a dns_records answer, whatever per_page the client asks (the API caps it too). */
    public CloudflareApiStandIn pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Every request under {@code prefix} (a path after /client/v4, e.g. "/zones" or "" for all) gets {@code answer}. */
    public CloudflareApiStandIn failing(String prefix, MockResponse answer) {
        faults.add(new Fault(prefix, answer, null));
        return this;
    }

    /** The next {@code times} requests under {@code prefix} get {@code answer}, then the normal ones. */
    public CloudflareApiStandIn failing(String prefix, MockResponse answer, int times) {
        faults.add(new Fault(prefix, answer, new AtomicInteger(times)));
        return this;
    }

    /** Every request under {@code prefix} is taken and never answered (a stalled API). */
    public CloudflareApiStandIn stalling(String prefix) {
        return failing(prefix, new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }

    /** The API's error answer: {@code success: false}, one error with this code and message. */
    public static MockResponse error(int status, int code, String message) {
        return json(status, envelope(false, List.of(Map.of("code", code, "message", message)), null, null));
    }

    /** A 429 as the API sends it, with {@code Retry-After} in seconds. */
    public static MockResponse rateLimited(long retryAfterSeconds) {
        return error(429, 971, "Please wait and consider throttling your request speed").newBuilder()
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    /** Paths asked so far, with their queries ("/zones?name=example.test&per_page=5"), after /client/v4. */
    public List<String> requests() {
        return List.copyOf(seen);
    }

    /** How many requests had a path (with query) starting with {@code prefix}. */
    public long requests(String prefix) {
        return seen.stream().filter(p -> p.startsWith(prefix)).count();
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath().startsWith(BASE) ? url.encodedPath().substring(BASE.length()) : url.encodedPath();
        seen.add(path + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()));
        for (Fault f : faults) {
            if (path.startsWith(f.prefix()) && (f.left() == null || f.left().getAndDecrement() > 0)) {
                return f.answer();
            }
        }
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return error(403, 9109, "Invalid access token");
        }
        String[] parts = path.split("/");
        if (path.equals("/zones")) {
            return zonesNamed(url.queryParameter("name"));
        }
        if (parts.length == 4 && parts[1].equals("zones") && parts[3].equals("dns_records")) {
            return recordsOf(parts[2], url.queryParameter("name"), url.queryParameter("page"));
        }
        if (parts.length == 5 && parts[1].equals("zones") && parts[3].equals("settings")) {
            String value = settings.getOrDefault(parts[2], Map.of()).get(parts[4]);
            if (value != null) {
                return json(200, envelope(true, List.of(), Map.of("id", parts[4], "value", value, "editable", true,
                        "modified_on", "2024-05-06T07:08:09.123456Z"), null));
            }
        }
        return error(404, 7003, "Could not route to " + path + ", perhaps your object identifier is invalid?");
    }

    private MockResponse zonesNamed(String name) {
        List<Map<String, Object>> result = new ArrayList<>();
        String id = name == null ? null : zones.get(name);
        if (id != null) {
            result.add(Map.of("id", id, "name", name, "status", "active", "paused", false, "type", "full",
                    "name_servers", List.of("ada.ns.cloudflare.com", "bob.ns.cloudflare.com"),
                    "account", Map.of("id", "acc1", "name", "Test account")));
        }
        return json(200, envelope(true, List.of(), result, info(1, 5, result.size(), result.size())));
    }

    private MockResponse recordsOf(String zoneId, String name, String pageText) {
        List<Map<String, Object>> all = records.getOrDefault(zoneId, List.of()).stream()
                .filter(r -> name == null || name.equals(r.get("name"))).toList();
        int page = pageText == null ? 1 : Integer.parseInt(pageText);
        int from = Math.min(all.size(), (page - 1) * pageSize);
        List<Map<String, Object>> slice = all.subList(from, Math.min(all.size(), from + pageSize));
        return json(200, envelope(true, List.of(), slice, info(page, pageSize, slice.size(), all.size())));
    }

    private static Map<String, Object> info(int page, int perPage, int count, int total) {
        return Map.of("page", page, "per_page", perPage, "count", count, "total_count", total,
                "total_pages", Math.max(1, (total + perPage - 1) / perPage));
    }

    private static Map<String, Object> envelope(boolean success, List<?> errors, Object result, Map<String, Object> info) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("success", success);
        e.put("errors", errors);
        e.put("messages", List.of());
        e.put("result", result);
        if (info != null) {
            e.put("result_info", info);
        }
        return e;
    }

    private static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder().code(status).setHeader("content-type", "application/json")
                    .body(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Closing.quietly(server);
    }
}
