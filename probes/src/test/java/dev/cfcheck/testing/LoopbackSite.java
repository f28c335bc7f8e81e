package dev.cfcheck.testing;

import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.check.LiveProbes;
import dev.cfcheck.check.ProbeList;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.cfapi.CloudflareApi;
import dev.cfcheck.probes.edge.EdgeProbes;
import dev.cfcheck.probes.origin.OriginPorts;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.site.TargetParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HeldCertificate;

/**
 * A whole Cloudflare-fronted site on loopback, for end-to-end checks: a DNS server that resolves
 * {@link #HOST} to 127.0.0.1, a ranges file holding 127.0.0.0/8 so that loopback plays Cloudflare's edge,
 * an https edge (MockWebServer with a certificate from the test CA, answering {@code /cdn-cgi/trace} itself, see
 * {@link EdgeDispatcher}) and a trust store with that CA.
 * Origins are the test's own servers (TlsTestServer, SilentServer, FullBacklogServer, ClosedPort...).
 *
 * <pre>{@code
 * try (LoopbackSite site = LoopbackSite.start(tempDir)) {
 *     site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));
 *     CheckReport report = site.checker().checkAndWait(site.request(List.of()));
 * }
 * }</pre>
 */
public final class LoopbackSite implements AutoCloseable {
    public static final String HOST = "shop.example.test";
    public static final String CF_RAY = "a23c92d51bc8a952-DTW";

    private final Path dir;
    private final LoopbackDnsServer dns;
    private final MockWebServer edge;
    private final EdgeDispatcher edgeDispatcher;
    private final Path rangesFile;
    private final Path caFile;
    private Checker checker;

    private LoopbackSite(Path dir, LoopbackDnsServer dns, MockWebServer edge, EdgeDispatcher edgeDispatcher,
            Path rangesFile, Path caFile) {
        this.dir = dir;
        this.dns = dns;
        this.edge = edge;
        this.edgeDispatcher = edgeDispatcher;
        this.rangesFile = rangesFile;
        this.caFile = caFile;
    }

    /** Starts the DNS server and the https edge, and writes the ranges and CA files into {@code dir}. */
    public static LoopbackSite start(Path dir) throws IOException {
        return start(dir, TestCertificates.leaf(HOST));
    }

    /** As {@link #start(Path)}, with the edge serving {@code edgeCertificate}. */
    public static LoopbackSite start(Path dir, HeldCertificate edgeCertificate) throws IOException {
        LoopbackDnsServer dns = LoopbackDnsServer.start();
        dns.ns("example.test", "ada.ns.cloudflare.com", "bob.ns.cloudflare.com");
        dns.a(HOST, "127.0.0.1");
        MockWebServer edge = new MockWebServer();
        EdgeDispatcher edgeDispatcher = new EdgeDispatcher();
        edge.setDispatcher(edgeDispatcher); // answers /cdn-cgi/trace itself, the rest from the queue
        edge.setServerSocketFactory(new NoDelayServerSocketFactory());
        edge.useHttps(TestCertificates.serverCertificates(edgeCertificate, TestCertificates.rootCa()).sslSocketFactory());
        edge.start(Loopback.ADDRESS, 0);
        Path ranges = Files.writeString(dir.resolve("ranges.txt"), "# loopback plays Cloudflare\n127.0.0.0/8\n");
        Path ca = TestCertificates.writeRootCaPem(dir);
        return new LoopbackSite(dir, dns, edge, edgeDispatcher, ranges, ca);
    }

    public LoopbackDnsServer dns() {
        return dns;
    }

    public MockWebServer edge() {
        return edge;
    }

    /** The edge's dispatcher: its queue, its trace answer and its request counts. */
    public EdgeDispatcher edgeDispatcher() {
        return edgeDispatcher;
    }

    public Path rangesFile() {
        return rangesFile;
    }

    public Path caFile() {
        return caFile;
    }

    /** The target URL: https on the edge's port, path "/". */
    public String url() {
        return "https://" + HOST + ":" + edge.getPort() + "/";
    }

    /** A checker wired like production but pointed at this site's DNS, ranges and CA. */
    public synchronized Checker checker() {
        if (checker == null) {
            checker = checker(Thresholds.DEFAULTS, Duration.ofSeconds(60));
        }
        return checker;
    }

    /** A new checker with other thresholds and cache TTL; the caller closes it. */
    public Checker checker(Thresholds thresholds, Duration cacheTtl) {
        return checker(loopbackRanges(), thresholds, cacheTtl);
    }

    /** A new checker with other Cloudflare ranges (e.g. the real ones, so loopback is *not* Cloudflare). */
    public Checker checker(CloudflareRanges ranges, Thresholds thresholds, Duration cacheTtl) {
        return checker(probes(ranges, HandshakeTimeout.DEFAULT), new CheckerSettings(cacheTtl, 100, 16, thresholds));
    }

    /**
     * A new checker with these settings (follow-up included) and TLS handshake limit (tests shorten it as they
     * shorten the deadline); the caller closes it.
     */
    public Checker checker(CheckerSettings settings, HandshakeTimeout handshakeTimeout) {
        return checker(probes(loopbackRanges(), handshakeTimeout), settings);
    }

    /** As {@link #checker(CheckerSettings, HandshakeTimeout)}, asking the edge on these ports for a target without one. */
    public Checker checker(CheckerSettings settings, HandshakeTimeout handshakeTimeout, int edgeHttpsPort, int edgeHttpPort) {
        return checker(settings, handshakeTimeout, SafeAddressPolicy.forChecks(false), edgeHttpsPort, edgeHttpPort);
    }

    /**
     * As {@link #checker(CheckerSettings, HandshakeTimeout)}, with {@code safePolicy} for the requests that do not
     * allow private targets (e.g. {@link #safePolicyForLoopback()}).
     */
    public Checker checker(CheckerSettings settings, HandshakeTimeout handshakeTimeout, AddressPolicy safePolicy) {
        return checker(probes(loopbackRanges(), handshakeTimeout, safePolicy), settings, safePolicy);
    }

    /** As {@link #checker(CheckerSettings, HandshakeTimeout, AddressPolicy)}, asking the edge on these ports for a target without one. */
    public Checker checker(CheckerSettings settings, HandshakeTimeout handshakeTimeout, AddressPolicy safePolicy,
            int edgeHttpsPort, int edgeHttpPort) {
        TrustMaterial trust = TrustMaterial.withExtraCas(caFile);
        ProbeList probes = EdgeProbes.withEdgePorts(probes(loopbackRanges(), handshakeTimeout, safePolicy), safePolicy,
                trust.trustManager(), handshakeTimeout, edgeHttpsPort, edgeHttpPort);
        return checker(probes, settings, safePolicy);
    }

    /**
     * Production's safe-target policy with loopback let through: this site and the test's servers are on
     * 127.0.0.1, and every other private address (10.0.0.1, 169.254.169.254...) is refused as in production. For
     * requests that do not allow private targets ({@link #request(String, List, Duration, DomainSettings, boolean)}).
     */
    public static AddressPolicy safePolicyForLoopback() {
        AddressPolicy safe = SafeAddressPolicy.forChecks(false);
        return address -> {
            if (!address.isLoopbackAddress()) {
                safe.requireAllowed(address);
            }
        };
    }

    /**
     * A new checker asking the Cloudflare API (a {@link CloudflareApiStandIn}), trying an origin known only by
     * its address on {@code originPorts} (the test's servers playing 443 and 80), without a cache; the caller
     * closes it (which closes {@code api} too).
     */
    public Checker checker(CloudflareRanges ranges, CloudflareApi api, OriginPorts originPorts) {
        ProbeList probes = LiveProbes.create(dns.address(), ranges, TrustMaterial.withExtraCas(caFile),
                SafeAddressPolicy.forChecks(false), LiveProbes.Options.DEFAULTS.withCloudflareApi(api).withOriginPorts(originPorts));
        return checker(probes, new CheckerSettings(Duration.ZERO, 100, 16, Thresholds.DEFAULTS));
    }

    /**
     * A checker wired like production (the live probes but the status page, the knowledge base), asking this DNS
     * server and trusting this CA: for fixtures of their own, such as {@link LoopbackSites}; the caller closes it.
     */
    public static Checker liveChecker(InetSocketAddress dns, Path caFile, CloudflareRanges ranges, CheckerSettings settings) {
        return checker(probes(dns, caFile, ranges, HandshakeTimeout.DEFAULT), settings);
    }

    private ProbeList probes(CloudflareRanges ranges, HandshakeTimeout handshakeTimeout) {
        return probes(ranges, handshakeTimeout, SafeAddressPolicy.forChecks(false));
    }

    private ProbeList probes(CloudflareRanges ranges, HandshakeTimeout handshakeTimeout, AddressPolicy safePolicy) {
        return probes(dns.address(), caFile, ranges, handshakeTimeout, safePolicy);
    }

    private static ProbeList probes(InetSocketAddress dns, Path caFile, CloudflareRanges ranges,
            HandshakeTimeout handshakeTimeout) {
        return probes(dns, caFile, ranges, handshakeTimeout, SafeAddressPolicy.forChecks(false));
    }

    private static ProbeList probes(InetSocketAddress dns, Path caFile, CloudflareRanges ranges,
            HandshakeTimeout handshakeTimeout, AddressPolicy safePolicy) {
        // No status page probe: the checks here must not depend on one.
        return LiveProbes.create(dns, ranges, TrustMaterial.withExtraCas(caFile), safePolicy,
                LiveProbes.Options.DEFAULTS.withHandshakeTimeout(handshakeTimeout));
    }

    private static Checker checker(ProbeList probes, CheckerSettings settings) {
        return checker(probes, settings, SafeAddressPolicy.forChecks(false));
    }

    private static Checker checker(ProbeList probes, CheckerSettings settings, AddressPolicy safePolicy) {
        return new Checker(probes, safePolicy, new Diagnoser(KnowledgeBase.load()), settings, Clock.systemUTC());
    }

    /** Loopback plays Cloudflare's edge. */
    public static CloudflareRanges loopbackRanges() {
        return CloudflareRanges.of(List.of(Cidr.parse("127.0.0.0/8")));
    }

    /**
     * A request for {@link #url()} with private targets allowed (everything is on loopback). The deadline is
     * generous: an answering site returns long before it, and a loaded CI machine must not turn into a fault.
     */
    public CheckRequest request(List<OriginEndpoint> origins) {
        return request(url(), origins, Duration.ofSeconds(10), DomainSettings.NONE);
    }

    public CheckRequest request(String url, List<OriginEndpoint> origins, Duration timeout, DomainSettings settings) {
        return request(url, origins, timeout, settings, true);
    }

    /**
     * As {@link #request(String, List, Duration, DomainSettings)}; with {@code allowPrivate} false the checker's safe
     * policy applies to every address connected to (the URL, a test's own, is parsed as with private targets allowed).
     */
    public CheckRequest request(String url, List<OriginEndpoint> origins, Duration timeout, DomainSettings settings,
            boolean allowPrivate) {
        return new CheckRequest(TargetParser.parse(url, true), origins, dns.address(), allowPrivate, timeout, false, settings);
    }

    /** A response as Cloudflare's edge sends it: {@code server: cloudflare}, a {@code cf-ray}, the page as body. */
    public static MockResponse page(int status, String resource) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("server", "cloudflare")
                .setHeader("cf-ray", CF_RAY)
                .setHeader("content-type", resource.endsWith(".json") ? "application/json"
                        : resource.endsWith(".txt") ? "text/plain; charset=UTF-8" : "text/html; charset=UTF-8")
                .body(resource(resource))
                .build();
    }

    /** A test resource as text. */
    public static String resource(String name) {
        try (InputStream in = LoopbackSite.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.close();
        }
        Closing.quietly(edge);
        dns.close();
    }
}
