package dev.cfcheck.testing;

import java.io.IOException;
import java.net.Proxy;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An edge in Flexible mode, for {@link LoopbackSite#edge()}: every request is passed to the origin over plain
 * HTTP (the visitor's https request included), and the origin's status, {@code Location} and body come back
 * with Cloudflare's headers, as Cloudflare relays them. {@code /cdn-cgi/trace} is answered by the edge itself.
 * An origin that redirects HTTP to HTTPS thus sends the visitor back where they were: the Flexible loop.
 */
public final class FlexibleEdgeDispatcher extends Dispatcher {

    private final String originBase;
    private final OkHttpClient client = new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .followRedirects(false)
            .followSslRedirects(false)
            .callTimeout(Duration.ofSeconds(5))
            .build();

    /** @param originHttpPort the origin's plain-HTTP port on 127.0.0.1 (its "80") */
    public FlexibleEdgeDispatcher(int originHttpPort) {
        this.originBase = "http://" + Loopback.ADDRESS.getHostAddress() + ":" + originHttpPort;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        if (target != null && target.startsWith("/cdn-cgi/trace")) {
            return EdgeDispatcher.trace("DTW");
        }
        Request toOrigin = new Request.Builder().url(originBase + (target == null ? "/" : target))
                .header("Host", request.getUrl().host()).build();
        try (Response answer = client.newCall(toOrigin).execute()) {
            MockResponse.Builder relayed = new MockResponse.Builder().code(answer.code())
                    .setHeader("server", "cloudflare").setHeader("cf-ray", LoopbackSite.CF_RAY)
                    .body(answer.body().string());
            String location = answer.header("Location");
            if (location != null) {
                relayed.setHeader("Location", location);
            }
            return relayed.build();
        } catch (IOException e) {
            return LoopbackSite.page(521, "pages/521-llamarpc-codexlog.html"); // what Cloudflare shows then
        }
    }
}
