package dev.cfcheck.probes.status;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.NoDelaySocketFactory;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.edge.BoundedBody;
import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches Cloudflare's status summary at most once a minute for the whole process: during an incident the whole
 * channel checks at once, and every check shares one fetch (a running fetch is joined, not repeated). A failed
 * fetch is remembered for a few seconds only, so the next check tries again soon without a storm of retries.
 */
public final class StatusPageClient {

    /** Statuspage's summary document, under the page's base URL. */
    static final String SUMMARY_PATH = "api/v2/summary.json";
    /** Cloudflare's summary is a few hundred KiB (hundreds of data-centre components); nothing real is larger. */
    static final long MAX_BYTES = 2 * 1024 * 1024;
    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    static final Duration FAILURE_REMEMBERED_FOR = Duration.ofSeconds(10);
    /** One fetch never takes longer, whatever the checks waiting on it allow. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final HttpUrl summaryUrl;
    private final OkHttpClient http;
    private final AsyncCache<String, StatusResult> cache;

    /** @param baseUrl the status page, e.g. {@code https://www.cloudflarestatus.com} */
    public StatusPageClient(HttpUrl baseUrl) {
        this.summaryUrl = baseUrl.newBuilder().addPathSegments(SUMMARY_PATH).build();
        this.http = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // as every probe: a system proxy never speaks for the network
                .socketFactory(NoDelaySocketFactory.INSTANCE) // direct sockets: a plain one follows -DsocksProxyHost
                .callTimeout(FETCH_TIMEOUT)
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfter(Expiry.<String, StatusResult>writing(
                        (url, result) -> result.failure() == null ? FRESH_FOR : FAILURE_REMEMBERED_FOR))
                .buildAsync();
    }

    /** The URL of the summary document. */
    public String url() {
        return summaryUrl.toString();
    }

    /** The summary, fresh within a minute; completes with a result carrying a failure rather than exceptionally. */
    public CompletableFuture<StatusResult> summary() {
        return cache.get(summaryUrl.toString(), (url, executor) -> fetch());
    }

    private CompletableFuture<StatusResult> fetch() {
        CompletableFuture<StatusResult> done = new CompletableFuture<>();
        Call call = http.newCall(new Request.Builder().url(summaryUrl).header("Accept", "application/json").build());
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (response.code() != 200) {
                        done.complete(failed(Failure.Kind.OTHER, "the status page answered " + response.code()));
                        return;
                    }
                    done.complete(new StatusResult(url(), StatusSummary.parse(
                            BoundedBody.read(response.body(), MAX_BYTES)), null));
                } catch (IOException e) {
                    done.complete(failed(Failure.Kind.PROTOCOL, "unreadable: " + OneLine.of(e.getMessage(), 120)));
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                done.complete(failed(Failure.Kind.OTHER, "not reachable: " + OneLine.of(e.getMessage(), 120)));
            }
        });
        return done;
    }

    private StatusResult failed(Failure.Kind kind, String message) {
        return new StatusResult(url(), null, new Failure(kind, message));
    }
}
