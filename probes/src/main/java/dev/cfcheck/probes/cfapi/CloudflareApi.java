package dev.cfcheck.probes.cfapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.edge.BoundedBody;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A small client for the Cloudflare v4 API, read-only: {@code GET} with a bearer token, the JSON envelope
 * ({@code success}, {@code errors}, {@code result}, {@code result_info}) parsed, everything else an
 * {@link ApiProblem}. No proxy (the token goes to the API and nowhere else), no redirects, bodies read up to
 * {@link #MAX_BODY_BYTES}, every call ended by the caller's deadline, at most {@link #MAX_CALLS} at once.
 *
 * <p>A 429 is honoured: the API is not asked again before its {@code Retry-After} (for every check, not only
 * this one), and a call waits for it and tries once more only when that still ends before its deadline.
 *
 * <p>One per process, shared by the checks. The token is held here only: never logged, never in
 * {@link #toString()}, never in a problem's words.
 */
public final class CloudflareApi implements AutoCloseable {

    /** The API's address when {@code CLOUDFLARE_API_URL} does not say otherwise. */
    public static final String DEFAULT_URL = "https://api.cloudflare.com/client/v4";

    /** A page of 100 records is about 50 KiB; anything bigger than this is not an answer we read. */
    static final long MAX_BODY_BYTES = 512 * 1024;
    /** Calls in flight at once for all checks together; more wait in OkHttp's queue (and end at their deadline). */
    static final int MAX_CALLS = 16;
    /** A 429 without {@code Retry-After}: the API blocks for up to five minutes, wait a minute before asking again. */
    static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
    /** What a retry after a 429 must leave of the deadline for its own round trip. */
    private static final Duration RETRY_ROOM = Duration.ofMillis(300);
    /** A call ends by its deadline itself; this only lets its callback hand the answer over. */
    private static final Duration AWAIT_SLACK = Duration.ofMillis(200);
    private static final String USER_AGENT = "cfcheck/0.1 (+diagnostic; read-only)";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient client;
    private final Clock clock;
    /** Until when the API said it takes no more requests (a 429), or {@code null}. */
    private final AtomicReference<Instant> quietUntil = new AtomicReference<>();

    private CloudflareApi(HttpUrl base, String token, Clock clock) {
        this.base = base;
        this.authorization = "Bearer " + token;
        this.clock = clock;
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, MAX_CALLS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("cfcheck-cfapi-"));
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(MAX_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS);
        this.client = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // a system proxy would see the token
                .followRedirects(false) // a redirect would carry the token to another host
                .followSslRedirects(false)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .build();
    }

    /**
     * @param baseUrl the API's base ({@link #DEFAULT_URL}, or a stand-in's); the config checks it is https
     *                (or loopback) before it gets here
     * @param token   the API token (read-only scopes)
     * @throws IllegalArgumentException when the base is not an http(s) URL
     */
    public static CloudflareApi create(String baseUrl, String token) {
        return create(baseUrl, token, Clock.systemUTC());
    }

    static CloudflareApi create(String baseUrl, String token, Clock clock) {
        HttpUrl base = HttpUrl.parse(Objects.requireNonNull(baseUrl));
        if (base == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + OneLine.of(baseUrl, 100));
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty API token");
        }
        return new CloudflareApi(base, token.strip(), clock);
    }

    /** The base URL with these path segments added (each encoded as one segment). */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    /**
     * {@code GET url}, its answer parsed as an envelope with a result of {@code resultType}.
     *
     * @param during what the call is for, in the problem's words ("zone lookup")
     * @return the envelope of a successful answer; completes exceptionally with {@link ApiException} otherwise,
     *         and by the deadline at the latest
     */
    <T> CompletableFuture<ApiEnvelope<T>> get(String during, HttpUrl url, JavaType resultType, Deadline deadline) {
        JavaType envelope = JSON.getTypeFactory().constructParametricType(ApiEnvelope.class, resultType);
        CompletableFuture<ApiEnvelope<T>> out = new CompletableFuture<>();
        send(during, url, envelope, deadline, false, out);
        return out;
    }

    /** The type of a list result, for {@link #get}. */
    static JavaType listOf(Class<?> element) {
        return JSON.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The type of an object result, for {@link #get}. */
    static JavaType typeOf(Class<?> type) {
        return JSON.getTypeFactory().constructType(type);
    }

    /** @param retry this is the one retry after waiting out a 429's pause (which it may then not wait for again) */
    private <T> void send(String during, HttpUrl url, JavaType envelope, Deadline deadline, boolean retry,
            CompletableFuture<ApiEnvelope<T>> out) {
        Instant quiet = quietUntil.get();
        Instant now = clock.instant();
        if (!retry && quiet != null && now.isBefore(quiet)) {
            long left = Math.max(1, Duration.between(now, quiet).toSeconds());
            out.completeExceptionally(new ApiException(new ApiProblem(ApiProblem.Kind.RATE_LIMITED, during, null, null,
                    "not asked: the API asked for a pause after a 429", left)));
            return;
        }
        if (deadline.expired()) {
            out.completeExceptionally(timeout(during));
            return;
        }
        Request request = new Request.Builder().url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .build();
        Call call = client.newCall(request);
        call.timeout().timeout(deadline.remainingMillisForSocket(), TimeUnit.MILLISECONDS); // connect to last byte
        out.whenComplete((v, e) -> call.cancel()); // a caller that gave up ends the call
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                out.completeExceptionally(deadline.expired() || e instanceof InterruptedIOException
                        ? timeout(during)
                        : new ApiException(new ApiProblem(ApiProblem.Kind.UNAVAILABLE, during, null, null,
                                OneLine.of(e.getClass().getSimpleName() + ": " + OneLine.of(e), 160), null)));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    String body = BoundedBody.read(response.body(), MAX_BODY_BYTES);
                    answered(during, url, envelope, deadline, retry, response, body, out);
                } catch (IOException e) {
                    onFailure(c, e);
                }
            }
        });
    }

    private <T> void answered(String during, HttpUrl url, JavaType envelope, Deadline deadline, boolean retry,
            Response response, String body, CompletableFuture<ApiEnvelope<T>> out) {
        int status = response.code();
        ApiEnvelope<T> parsed = parse(body, envelope);
        if (status == 429) {
            Long retryAfter = ApiAnswers.retryAfter(response.header("Retry-After"));
            Duration pause = retryAfter != null ? Duration.ofSeconds(retryAfter) : DEFAULT_BACKOFF;
            quietUntil.accumulateAndGet(clock.instant().plus(pause), (a, b) -> a == null || b.isAfter(a) ? b : a);
            if (!retry && retryAfter != null && pause.plus(RETRY_ROOM).compareTo(deadline.remaining()) < 0) {
                CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> send(during, url, envelope, deadline, true, out));
                return;
            }
            out.completeExceptionally(new ApiException(ApiAnswers.problem(during, status,
                    parsed == null ? List.of() : parsed.errors(), pause.toSeconds())));
            return;
        }
        if (status / 100 == 2 && parsed != null && parsed.success()) {
            out.complete(parsed);
            return;
        }
        if (status / 100 == 2) {
            out.completeExceptionally(new ApiException(parsed == null
                    ? new ApiProblem(ApiProblem.Kind.BAD_ANSWER, during, status, null, "not the API's JSON", null)
                    : ApiAnswers.problem(during, status, parsed.errors(), null)));
            return;
        }
        out.completeExceptionally(new ApiException(ApiAnswers.problem(during, status,
                parsed == null ? List.of() : parsed.errors(), null)));
    }

    /**
     * Waits for a call by its deadline (each call also ends there by itself).
     *
     * @throws ApiException the call's problem, or a timeout
     */
    static <T> T await(CompletableFuture<T> call, String during, Deadline deadline) {
        try {
            return call.get(deadline.remaining().toNanos() + AWAIT_SLACK.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(new ApiProblem(ApiProblem.Kind.BAD_ANSWER, during, null, null, OneLine.of(e.getCause()), null));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timeout(during);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw timeout(during);
        }
    }

    private static <T> ApiEnvelope<T> parse(String body, JavaType envelope) {
        try {
            return JSON.readValue(body, envelope);
        } catch (IOException | IllegalArgumentException e) {
            return null; // an HTML error page, a truncated body: the status says the rest
        }
    }

    private static ApiException timeout(String during) {
        return new ApiException(new ApiProblem(ApiProblem.Kind.TIMEOUT, during, null, null,
                "no answer within the time the API has in a check", null));
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "CloudflareApi[" + base + "]";
    }
}
