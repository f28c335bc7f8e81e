package dev.cfcheck.probes.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.site.Target;
import dev.cfcheck.testing.EdgeDispatcher;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace parser on real {@code /cdn-cgi/trace} bodies, and the probe against real sockets on loopback:
 * a TLS MockWebServer plays the edge for {@code shop.example.test}, whose DNS answer (given to the probe as
 * the DNS probe's result) is 127.0.0.1 inside "Cloudflare's ranges".
 */
class TraceProbeTest {

    private static final String HOST = "shop.example.test";
    private static final InetAddress LOCALHOST = Loopback.ADDRESS;

    /** Real body, 2026 (index file id 53266695155 in /work/shared/cloudflare/headers-and-markers.md). */
    private static final String REAL_2026 = """
            fl=80f417
            h=cloudflare.com
            ip=111.249.78.157
            ts=1772941360.629
            visit_scheme=https
            uag=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36
            colo=TPE
            sliver=none
            http=http/2
            loc=TW
            tls=TLSv1.3
            sni=plaintext
            warp=off
            gateway=off
            rbi=off
            kex=X25519MLKEM768
            """;

    /** The 2022 form (crypto.cloudflare.com): the same keys without {@code rbi}, {@code kex=P-256}; CRLF as served. */
    private static final String FORM_2022 = String.join("\r\n", "fl=31f22", "h=crypto.cloudflare.com",
            "ip=203.0.113.9", "ts=1650000000.123", "visit_scheme=https", "uag=curl/7.81.0", "colo=FRA",
            "sliver=none", "http=http/1.1", "loc=DE", "tls=TLSv1.3", "sni=encrypted", "warp=on", "gateway=off",
            "kex=P-256", "");

    private static final HandshakeCertificates CLIENT_TRUST = new HandshakeCertificates.Builder()
            .addTrustedCertificate(TestCertificates.rootCa().certificate()).build();

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    // --- The parser --------------------------------------------------------------------------------------

    @Test
    void realBodyOf2026IsReadWithoutTheVisitorAddress() {
        TraceBody t = TraceBody.parse(REAL_2026).orElseThrow();

        assertThat(t).isEqualTo(new TraceBody("TPE", "http/2", "TLSv1.3", "off", "off", "TW", "plaintext",
                "X25519MLKEM768"));
        assertThat(t.toString()).doesNotContain("111.249.78.157").doesNotContain("Mozilla");
    }

    @Test
    void bodyOf2022WithCrlfAndNoRbiIsRead() {
        TraceBody t = TraceBody.parse(FORM_2022).orElseThrow();

        assertThat(t.colo()).isEqualTo("FRA");
        assertThat(t.http()).isEqualTo("http/1.1");
        assertThat(t.warp()).isEqualTo("on");
        assertThat(t.sni()).isEqualTo("encrypted");
        assertThat(t.kex()).isEqualTo("P-256");
    }

    @Test
    void pagesAndOtherKeyValueTextAreNotTraces() {
        assertThat(TraceBody.parse("<html><body>Not Found</body></html>")).isEmpty();
        assertThat(TraceBody.parse("error code: 1020")).isEmpty();
        assertThat(TraceBody.parse("")).isEmpty();
        assertThat(TraceBody.parse(null)).isEmpty();
        assertThat(TraceBody.parse("colo=LHR\nhttp=http/2\n")).isEmpty(); // no fl: a Worker's imitation at best
        assertThat(TraceBody.parse("fl=1\ncolo=<script>\n")).isEmpty(); // colo is an IATA code
    }

    // --- The probe ---------------------------------------------------------------------------------------

    @Test
    void traceFromThePinnedEdgeAddressIsReadAndWorded() throws Exception {
        MockWebServer edge = edge();
        edge.enqueue(EdgeDispatcher.trace("LHR"));

        TraceResult r = probe().run(context(edge.getPort(), cloudflareDns(), AddressPolicy.ALLOW_ALL, seconds(10))).result();

        assertThat(r.url()).isEqualTo("https://" + HOST + ":" + edge.getPort() + "/cdn-cgi/trace");
        assertThat(r.address()).isEqualTo("127.0.0.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.failure()).isNull();
        assertThat(r.trace().colo()).isEqualTo("LHR");
        assertThat(r.coloCity()).isEqualTo("London, United Kingdom");
        Target target = target(edge.getPort());
        assertThat(TraceProbe.KEY.describer().evidence(target, r))
                .containsExactly("trace: colo LHR (London, United Kingdom), http/2, TLSv1.3, warp off");
        assertThat(TraceProbe.KEY.describer().fields(target, r))
                .containsExactly(new ProbeField("Edge", "colo LHR (London, United Kingdom), http/2, TLSv1.3, warp off"));
        assertThat(TraceProbe.KEY.describer().sections(target, r)).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Cloudflare trace");
            assertThat(s.lines()).contains("colo LHR (London, United Kingdom)", "tls TLSv1.3", "gateway off",
                    "key exchange X25519MLKEM768");
            assertThat(String.join("\n", s.lines())).doesNotContain("192.0.2.44");
        });
        assertThat(TraceProbe.KEY.describer().failures(target, r)).isEmpty();

        RecordedRequest request = edge.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/cdn-cgi/trace");
        assertThat(request.getUrl().host()).isEqualTo(HOST); // the authority (h2 has no Host header)
        assertThat(request.getHandshakeServerNames()).containsExactly(HOST);
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo(TraceProbe.USER_AGENT);
    }

    @Test
    void onlyTheAddressesDnsFoundInCloudflareRangesAreConnectedTo() throws Exception {
        MockWebServer edge = edge(); // listens on 127.0.0.1 only
        edge.enqueue(EdgeDispatcher.trace("LHR"));
        InetAddress other = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        DnsResult mixed = dns(List.of("127.0.0.2", "127.0.0.1"), List.of("127.0.0.1"));

        TraceResult r = probe().run(new ProbeContext(target(edge.getPort()), List.of(other, LOCALHOST), List.of(),
                AddressPolicy.ALLOW_ALL, seconds(10), null, earlier(mixed), Runnable::run)).result();

        assertThat(r.address()).isEqualTo("127.0.0.1");
        assertThat(r.trace()).isNotNull();
    }

    @Test
    void notFoundIsANoteAndNoFailure() throws Exception {
        MockWebServer edge = edge();
        edge.enqueue(new MockResponse.Builder().code(404).setHeader("server", "cloudflare").body("not here").build());

        TraceResult r = probe().run(context(edge.getPort(), cloudflareDns(), AddressPolicy.ALLOW_ALL, seconds(10))).result();

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.notATrace()).isTrue();
        assertThat(r.failure().kind()).isEqualTo(Failure.Kind.OTHER);
        Target target = target(edge.getPort());
        assertThat(TraceProbe.KEY.describer().evidence(target, r)).singleElement().asString()
                .startsWith("trace: 404 from the edge, not a Cloudflare trace (a Worker route");
        assertThat(TraceProbe.KEY.describer().fields(target, r)).isEmpty();
        assertThat(TraceProbe.KEY.describer().failures(target, r)).isEmpty();
    }

    @Test
    void silentEdgeEndsAtTheDeadlineAsANetworkFailureLeftToTheEdgeProbe() {
        SilentServer silent = SilentServer.start();
        resources.add(silent);
        long start = System.nanoTime();

        TraceResult r = probe().run(context(silent.port(), cloudflareDns(), AddressPolicy.ALLOW_ALL,
                Deadline.after(Duration.ofMillis(800)))).result();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(r.status()).isNull();
        assertThat(r.failure().kind()).isIn(Failure.Kind.DEADLINE, Failure.Kind.TIMEOUT);
        Target target = target(silent.port());
        assertThat(TraceProbe.KEY.describer().evidence(target, r)).singleElement().asString().startsWith("trace: not fetched: ");
        assertThat(TraceProbe.KEY.describer().failures(target, r)).isEmpty();
    }

    @Test
    void hostNotOnCloudflareIsNotRunAndNothingIsSent() throws Exception {
        MockWebServer edge = edge();

        ProbeOutcome<TraceResult> notProxied = probe().run(context(edge.getPort(),
                dns(List.of("127.0.0.1"), List.of()), AddressPolicy.ALLOW_ALL, seconds(10)));
        ProbeOutcome<TraceResult> noDns = probe().run(new ProbeContext(target(edge.getPort()), List.of(LOCALHOST),
                List.of(), AddressPolicy.ALLOW_ALL, seconds(10), null, ProbeResults.EMPTY, Runnable::run));

        assertThat(notProxied.result()).isNull();
        assertThat(noDns.result()).isNull();
        assertThat(edge.getRequestCount()).isZero();
    }

    @Test
    void addressTheSafeTargetPolicyRefusesIsNotConnectedTo() throws Exception {
        MockWebServer edge = edge();

        TraceResult r = probe().run(context(edge.getPort(), cloudflareDns(), SafeAddressPolicy.forChecks(false),
                seconds(10))).result();

        assertThat(r.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
        assertThat(r.address()).isNull();
        assertThat(edge.getRequestCount()).isZero();
    }

    @Test
    void onlyTheFirst8KibOfTheBodyAreRead() throws Exception {
        MockWebServer edge = edge();
        edge.enqueue(new MockResponse.Builder().code(200).body(REAL_2026 + "x=" + "y".repeat(4 * 1024 * 1024)).build());

        TraceResult r = probe().run(context(edge.getPort(), cloudflareDns(), AddressPolicy.ALLOW_ALL, seconds(10))).result();

        assertThat(r.trace().colo()).isEqualTo("TPE");
        assertThat(r.failure()).isNull();
    }

    // --- Fixtures ----------------------------------------------------------------------------------------

    private static TraceProbe probe() {
        return new TraceProbe(CLIENT_TRUST.trustManager());
    }

    private static Deadline seconds(int s) {
        return Deadline.after(Duration.ofSeconds(s));
    }

    private static Target target(int port) {
        return new Target("https://" + HOST + ":" + port + "/", HOST, HOST, "https", port, "/");
    }

    private static ProbeContext context(int port, DnsResult dns, AddressPolicy policy, Deadline deadline) {
        return new ProbeContext(target(port), List.of(LOCALHOST), List.of(), policy, deadline, null, earlier(dns),
                Runnable::run);
    }

    private static ProbeResults earlier(DnsResult dns) {
        return ProbeResults.builder().put(DnsProbe.KEY, dns).build();
    }

    /** DNS said 127.0.0.1, inside Cloudflare's ranges (as a test's ranges file makes loopback). */
    private static DnsResult cloudflareDns() {
        return dns(List.of("127.0.0.1"), List.of("127.0.0.1"));
    }

    private static DnsResult dns(List<String> ipv4, List<String> inCloudflareRanges) {
        return new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(), ipv4, List.of(), "example.test",
                List.of("ada.ns.cloudflare.com"), true, inCloudflareRanges, 1, null);
    }

    private MockWebServer edge() throws IOException {
        MockWebServer server = new MockWebServer();
        resources.add(server);
        server.useHttps(TestCertificates.serverCertificates(TestCertificates.leaf(HOST), TestCertificates.rootCa())
                .sslSocketFactory());
        server.start(LOCALHOST, 0);
        return server;
    }

}
