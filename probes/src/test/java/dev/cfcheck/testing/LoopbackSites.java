package dev.cfcheck.testing;

import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Many healthy Cloudflare-fronted sites on loopback at once, for crowds of checks: one DNS server resolving
 * {@code site1.example.test}, {@code site2.example.test}... to 127.0.0.1, and one https edge per site (its own
 * MockWebServer with a certificate for its name from the test CA, {@code /cdn-cgi/trace} answered, every page a
 * Cloudflare 200). The edges can be held ({@link #holdEdges()}) to keep checks in flight while a test sends
 * more. {@link LoopbackSite} is the one-site fixture for staging faults.
 */
public final class LoopbackSites implements AutoCloseable {

    private final LoopbackDnsServer dns;
    private final List<MockWebServer> edges;
    private final List<EdgeDispatcher> dispatchers;
    private final Path caFile;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private LoopbackSites(LoopbackDnsServer dns, List<MockWebServer> edges, List<EdgeDispatcher> dispatchers, Path caFile) {
        this.dns = dns;
        this.edges = edges;
        this.dispatchers = dispatchers;
        this.caFile = caFile;
    }

    /** Starts {@code count} sites; the CA file is written into {@code dir}. */
    public static LoopbackSites start(Path dir, int count) throws IOException {
        LoopbackDnsServer dns = LoopbackDnsServer.start();
        dns.ns("example.test", "ada.ns.cloudflare.com", "bob.ns.cloudflare.com");
        List<MockWebServer> edges = new ArrayList<>();
        List<EdgeDispatcher> dispatchers = new ArrayList<>();
        LoopbackSites sites = new LoopbackSites(dns, edges, dispatchers, TestCertificates.writeRootCaPem(dir));
        try {
            for (int i = 1; i <= count; i++) {
                String host = host(i);
                dns.a(host, "127.0.0.1");
                EdgeDispatcher dispatcher = new EdgeDispatcher();
                dispatcher.setFailFast(healthyPage()); // every page request, however many
                MockWebServer edge = new MockWebServer();
                edge.setDispatcher(sites.gated(dispatcher));
                edge.setServerSocketFactory(new NoDelayServerSocketFactory());
                edge.useHttps(TestCertificates.serverCertificates(TestCertificates.leaf(host), TestCertificates.rootCa()).sslSocketFactory());
                edges.add(edge);
                dispatchers.add(dispatcher);
                edge.start(Loopback.ADDRESS, 0);
            }
        } catch (IOException | RuntimeException e) {
            sites.close();
            throw e;
        }
        return sites;
    }

    /** The name of site {@code i} (from 1). */
    public static String host(int i) {
        return String.format(Locale.ROOT, "site%d.example.test", i);
    }

    public int count() {
        return edges.size();
    }

    /** Site {@code i}'s URL (from 1): https on its edge's port, path "/". */
    public String url(int i) {
        return "https://" + host(i) + ":" + edges.get(i - 1).getPort() + "/";
    }

    public InetSocketAddress dnsAddress() {
        return dns.address();
    }

    /** Page requests over all edges (the trace not counted). */
    public int pageRequests() {
        return dispatchers.stream().mapToInt(EdgeDispatcher::pageRequests).sum();
    }

    /** From now on every edge holds each request until {@link #releaseEdges()} (at most 30 s). */
    public void holdEdges() {
        gate = new CountDownLatch(1);
    }

    public void releaseEdges() {
        gate.countDown();
    }

    private Dispatcher gated(EdgeDispatcher edge) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the edges");
                }
                return edge.dispatch(request);
            }
        };
    }

    /** A checker wired like production, asking these sites' DNS server and trusting their CA; the caller closes it. */
    public Checker checker(CheckerSettings settings) {
        return LoopbackSite.liveChecker(dns.address(), caFile, LoopbackSite.loopbackRanges(), settings);
    }

    private static MockResponse healthyPage() {
        return new MockResponse.Builder().code(200).setHeader("server", "cloudflare").setHeader("cf-ray", LoopbackSite.CF_RAY)
                .setHeader("cf-cache-status", "HIT").body("<h1>shop</h1>").build();
    }

    @Override
    public void close() {
        edges.forEach(Closing::quietly);
        dns.close();
    }
}
