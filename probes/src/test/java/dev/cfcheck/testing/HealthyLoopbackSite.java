package dev.cfcheck.testing;

import dev.cfcheck.site.OriginEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A healthy Cloudflare-fronted site on loopback, for the benchmarks and the class-data training run: the
 * {@link LoopbackSite} edge answers every page with 200 (as Cloudflare, a cache HIT) and an https origin answers
 * 200, for as many checks as are made.
 */
public final class HealthyLoopbackSite implements AutoCloseable {

    private final LoopbackSite site;
    private final MockWebServer origin;

    private HealthyLoopbackSite(LoopbackSite site, MockWebServer origin) {
        this.site = site;
        this.origin = origin;
    }

    public static HealthyLoopbackSite start(Path dir) throws IOException {
        LoopbackSite site = LoopbackSite.start(dir);
        MockWebServer origin = new MockWebServer();
        try {
            site.edge().setDispatcher(always(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                    .setHeader("cf-ray", LoopbackSite.CF_RAY).setHeader("cf-cache-status", "HIT")
                    .body("<h1>shop</h1>").build()));
            origin.setServerSocketFactory(new NoDelayServerSocketFactory());
            SSLSocketFactory tls = TestCertificates.serverCertificates(
                    TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa()).sslSocketFactory();
            origin.useHttps(tls);
            origin.setDispatcher(always(new MockResponse.Builder().code(200).setHeader("server", "nginx").body("origin").build()));
            origin.start(Loopback.ADDRESS, 0);
            return new HealthyLoopbackSite(site, origin);
        } catch (IOException | RuntimeException e) {
            origin.close();
            site.close();
            throw e;
        }
    }

    public LoopbackSite site() {
        return site;
    }

    public int originPort() {
        return origin.getPort();
    }

    public List<OriginEndpoint> origins() {
        return List.of(new OriginEndpoint(Loopback.ADDRESS, origin.getPort()));
    }

    /**
     * The {@code cfcheck check} arguments that check this site from another process: its DNS server, ranges and
     * CA files, the origin, {@code --allow-private} (everything is on loopback) and the URL last.
     */
    public List<String> checkArguments() {
        return List.of(
                "--dns=" + site.dns().address().getAddress().getHostAddress() + ":" + site.dns().address().getPort(),
                "--cloudflare-ranges=" + site.rangesFile(),
                "--ca-file=" + site.caFile(),
                "--origin=" + Loopback.ADDRESS.getHostAddress() + ":" + origin.getPort(),
                "--allow-private",
                site.url());
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }

    @Override
    public void close() {
        origin.close();
        site.close();
    }
}
