package dev.cfcheck.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An edge that behaves as Cloudflare's does in front of a broken origin, on loopback: http answers a 301 to
 * https at once ("Always Use HTTPS"), while https holds the request until Cloudflare would give up on the
 * origin and then sends its own 522 or 524 page. The delays are {@link Timing}: the real ones are 19 s and
 * 100 s; tests pass shorter ones in the same order, so that what they mean stays the same.
 */
public final class CloudflareLikeEdge implements AutoCloseable {

    /** What the origin behind this edge does. */
    public enum Origin {
        /** Answers at once: the edge passes the origin's 200 through. */
        HEALTHY,
        /** Never answers a SYN: Cloudflare gives up after {@link Timing#connect()} with a 522. */
        DROPS_SYNS,
        /** Accepts and never sends response headers: Cloudflare gives up after {@link Timing#response()} with a 524. */
        NEVER_RESPONDS
    }

    /**
     * Cloudflare's limits towards the origin.
     *
     * @param connect  how long Cloudflare waits for the origin's SYN-ACK before its 522 (~19 s)
     * @param response how long it waits for response headers before its 524 (100 s)
     */
    public record Timing(Duration connect, Duration response) {
        /** Cloudflare's documented limits (connection limits; the 522 and 524 pages). */
        public static final Timing REAL = new Timing(Duration.ofSeconds(19), Duration.ofSeconds(100));
    }

    private final MockWebServer https = new MockWebServer();
    private final MockWebServer http = new MockWebServer();

    private CloudflareLikeEdge() {
    }

    /** Starts both sides on loopback for {@code host}, with a certificate from the test CA. */
    public static CloudflareLikeEdge start(String host, Origin origin, Timing timing) throws IOException {
        CloudflareLikeEdge edge = new CloudflareLikeEdge();
        edge.https.setServerSocketFactory(new NoDelayServerSocketFactory());
        edge.https.useHttps(TestCertificates.serverCertificates(TestCertificates.leaf(host), TestCertificates.rootCa())
                .sslSocketFactory());
        edge.https.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                return target != null && target.startsWith("/cdn-cgi/trace") ? EdgeDispatcher.trace("DTW") : answer(origin, timing);
            }
        });
        edge.https.start(Loopback.ADDRESS, 0);
        int httpsPort = edge.https.getPort();
        edge.http.setServerSocketFactory(new NoDelayServerSocketFactory());
        edge.http.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(301)
                        .setHeader("server", "cloudflare")
                        .setHeader("cf-ray", LoopbackSite.CF_RAY)
                        .setHeader("location", "https://" + host + ":" + httpsPort + "/")
                        .build();
            }
        });
        edge.http.start(Loopback.ADDRESS, 0);
        return edge;
    }

    private static MockResponse answer(Origin origin, Timing timing) {
        return switch (origin) {
            case HEALTHY -> new MockResponse.Builder().code(200)
                    .setHeader("server", "cloudflare").setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build();
            case DROPS_SYNS -> delayed(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"), timing.connect());
            case NEVER_RESPONDS -> delayed(LoopbackSite.page(524, "pages/524-neuoptic-playwright.html"), timing.response());
        };
    }

    private static MockResponse delayed(MockResponse page, Duration delay) {
        return page.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    public int httpsPort() {
        return https.getPort();
    }

    public int httpPort() {
        return http.getPort();
    }

    /** Requests the https side has taken, the trace included. */
    public int httpsRequests() {
        return https.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        https.close();
        http.close();
    }
}
