package dev.cfcheck.check;

import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.trace.TraceProbe;
import static dev.cfcheck.testing.LoopbackSite.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThatCode;

import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.EdgeDispatcher;
import dev.cfcheck.testing.FullBacklogServer;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.LoopbackSite;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.TlsTestServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;

/**
 * Every verdict kind reached through the real {@link Checker} and real probes, each from a real fault on
 * loopback: a DNS server, an https edge serving Cloudflare's own pages, and origins that refuse, drop,
 * stall, or present bad certificates.
 */
class CheckerEndToEndTest {

    @TempDir
    Path dir;

    private LoopbackSite site;
    private CheckReport last;

    @BeforeEach
    void startSite() throws Exception {
        site = LoopbackSite.start(dir);
    }

    @AfterEach
    void stopSite(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        site.close();
        writeExample(test);
    }

    /** docs/examples.md (docs/examples/generate) is made from these real runs (target/json-examples/). */
    private void writeExample(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        if (last == null) {
            return;
        }
        Path out = Path.of("target", "json-examples");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.writeString(out.resolve(test.getTestMethod().orElseThrow().getName() + ".json"),
                ReportJson.write(last));
    }

    private CheckReport check(List<OriginEndpoint> origins) {
        return check(site.request(origins));
    }

    private CheckReport check(CheckRequest request) {
        return recorded(site.checker().checkAndWait(request));
    }

    /** Keeps the report so that {@link #writeExample} can save it for docs/examples.md. */
    private CheckReport recorded(CheckReport report) {
        last = report;
        return report;
    }

    private static OriginEndpoint origin(int port) {
        return new OriginEndpoint(Loopback.ADDRESS, port);
    }

    private static String commands(CheckReport report) {
        return report.verdict().nextSteps().stream().map(NextStep::command)
                .filter(c -> c != null).collect(Collectors.joining("\n"));
    }

    private static String steps(CheckReport report) {
        return report.verdict().nextSteps().stream().map(s -> s.text() + " " + s.command())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void healthySiteBehindCloudflareIsOk() throws Exception {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", "8de9da34eb46d36d-FRA").setHeader("cf-cache-status", "HIT").body("<h1>shop</h1>").build());
        try (TlsTestServer origin = TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa())
                .status(200).start()) {
            CheckReport report = check(List.of(origin(origin.port())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(report.verdict().code()).isEqualTo("200");
            assertThat(report.verdict().severity()).isEqualTo(Severity.OK);
            assertThat(report.probes().get(EdgeProbe.KEY).https().colo()).isEqualTo("FRA");
            assertThat(report.probes().get(DnsProbe.KEY).proxied()).isTrue();
            assertThat(report.probes().get(DnsProbe.KEY).cloudflareNameservers()).isTrue();
            assertThat(report.probes().get(OriginTlsProbe.KEY)).singleElement().satisfies(t -> {
                assertThat(t.handshakeOk()).isTrue();
                assertThat(t.trusted()).isTrue();
            });
            assertThat(report.cached()).isFalse();
        }
    }

    @Test
    void traceOfTheEdgeIsInTheReportAndItsEvidenceWithoutTheVisitorAddress() throws Exception {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<h1>shop</h1>").build());

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        assertThat(report.probes().get(TraceProbe.KEY)).satisfies(t -> {
            assertThat(t.trace().colo()).isEqualTo("DTW");
            assertThat(t.address()).isEqualTo("127.0.0.1");
        });
        assertThat(report.verdict().evidence()).contains("trace: colo DTW (Detroit, United States), http/2, TLSv1.3, warp off");
        com.fasterxml.jackson.databind.JsonNode json = ReportJson.mapper().readTree(ReportJson.write(report));
        assertThat(json.get("probes").fieldNames()).toIterable().containsExactly("dns", "edge", "origin", "tls", "trace", "status", "cloudflare");
        assertThat(json.get("probes").get("trace").get("trace").get("colo").asText()).isEqualTo("DTW");
        assertThat(ReportJson.write(report)).doesNotContain("192.0.2.44");
        assertThat(site.edgeDispatcher().traceRequests()).isEqualTo(1);
    }

    @Test
    void traceShadowedByAWorkerIsANoteAndTheSiteStaysHealthy() {
        site.edge().setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                // A Worker on the whole zone answers every path, /cdn-cgi/trace too.
                return new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                        .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<h1>shop</h1>").build();
            }
        });

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        assertThat(report.probes().get(TraceProbe.KEY).notATrace()).isTrue();
        assertThat(report.verdict().evidence()).anySatisfy(line -> assertThat(line)
                .startsWith("trace: 200 from the edge, not a Cloudflare trace"));
    }

    @Test
    void originErrorPassedThroughIsOriginHttpError() {
        site.edge().enqueue(new MockResponse.Builder().code(502).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body(LoopbackSite.resource("pages/origin/nginx-502.html")).build());

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_HTTP_ERROR);
        assertThat(report.verdict().code()).isEqualTo("502");
        assertThat(report.verdict().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void cloudflare520PageIsOriginUnknownResponse() {
        site.edge().enqueue(page(520, "pages/520-supabase-nhl-cronlog.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
        assertThat(report.verdict().code()).isEqualTo("520");
    }

    @Test
    void cloudflare521WithAClosedOriginPortIsOriginRefused() {
        site.edge().enqueue(page(521, "pages/521-llamarpc-codexlog.html"));
        int closed = ClosedPort.find();

        CheckReport report = check(List.of(origin(closed)));

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
        assertThat(report.verdict().code()).isEqualTo("521");
        assertThat(report.verdict().inferred()).isFalse();
        assertThat(report.probes().get(OriginsProbe.KEY)).singleElement()
                .satisfies(o -> assertThat(o.port(closed).state().name()).isEqualTo("REFUSED"));
        assertThat(commands(report)).contains("ss -tlnp");
    }

    @Test
    void cloudflare522WithAnOriginDroppingSynsIsOriginTimeout() {
        site.edge().enqueue(page(522, "pages/522-supabase-nhl-cronlog.html"));
        try (FullBacklogServer origin = startFullBacklog()) {
            CheckReport report = check(List.of(origin(origin.port())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(report.verdict().code()).isEqualTo("522");
            assertThat(report.probes().get(EdgeProbe.KEY).https().rayId()).isEqualTo("a23c92d51bc8a952");
            assertThat(steps(report)).containsIgnoringCase("firewall");
        }
    }

    @Test
    void edgeSilentAndOriginDroppingSynsInfers522BeforeCloudflareWould() {
        // As Cloudflare does: the edge completes TLS, takes the request and holds it while it tries the origin.
        site.edge().enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (FullBacklogServer origin = startFullBacklog()) {
            CheckReport report = check(site.request(site.url(), List.of(origin(origin.port())),
                    Duration.ofSeconds(2), DomainSettings.NONE));

            assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(report.verdict().code()).isEqualTo("522");
            assertThat(report.verdict().inferred()).isTrue();
        }
    }

    @Test
    void edgeSilentAndOriginConnectedButMuteInfers524() throws Exception {
        site.edge().enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (MockWebServer origin = new MockWebServer()) {
            // The origin accepts and completes TLS, then never sends a response: Cloudflare's 524.
            origin.useHttps(TestCertificates.serverCertificates(
                    TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa()).sslSocketFactory());
            origin.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            origin.start(Loopback.ADDRESS, 0);

            CheckReport report = check(site.request(site.url(), List.of(origin(origin.getPort())),
                    Duration.ofSeconds(2), DomainSettings.NONE));

            assertThat(report.verdict().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
            assertThat(report.verdict().code()).isEqualTo("524");
            assertThat(report.verdict().inferred()).isTrue();
        }
    }

    @Test
    void cloudflare523PageIsOriginUnreachable() {
        site.edge().enqueue(page(523, "pages/synthetic/523-origin-unreachable.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_UNREACHABLE);
        assertThat(report.verdict().code()).isEqualTo("523");
    }

    @Test
    void cloudflare524PageIsResponseTimeout() {
        site.edge().enqueue(page(524, "pages/524-neuoptic-playwright.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
        assertThat(report.verdict().code()).isEqualTo("524");
        assertThat(report.verdict().inferred()).isFalse();
    }

    @Test
    void cloudflare525WithPlainHttpOnTheOriginTlsPortIsTlsHandshake() {
        site.edge().enqueue(page(525, "pages/525-llamarpc-codexlog.html"));
        try (PlainHttpServer origin = PlainHttpServer.start(200)) {
            CheckReport report = check(site.request(site.url(), List.of(origin(origin.port())),
                    Duration.ofSeconds(10), new DomainSettings(SslMode.FULL, "origin is nginx on the VM")));

            assertThat(report.verdict().kind()).isEqualTo(Kind.TLS_HANDSHAKE);
            assertThat(report.config()).isEqualTo(new DomainSettings(SslMode.FULL, "origin is nginx on the VM"));
            assertThat(report.verdict().code()).isEqualTo("525");
            assertThat(report.probes().get(OriginTlsProbe.KEY)).singleElement()
                    .satisfies(t -> assertThat(t.failure().name()).isEqualTo("PLAIN_HTTP"));
            assertThat(commands(report)).contains("openssl s_client -connect 127.0.0.1:" + origin.port());
        }
    }

    @Test
    void cloudflare526WithAnExpiredOriginCertificateIsTlsCertificate() {
        site.edge().enqueue(page(526, "pages/synthetic/526-invalid-ssl-certificate.html"));
        try (TlsTestServer origin = TlsTestServer.serving(TestCertificates.expiredLeaf(LoopbackSite.HOST),
                TestCertificates.rootCa()).status(200).start()) {
            CheckReport report = check(site.request(site.url(), List.of(origin(origin.port())),
                    Duration.ofSeconds(10), new DomainSettings(SslMode.STRICT, null)));

            assertThat(report.verdict().kind()).isEqualTo(Kind.TLS_CERTIFICATE);
            assertThat(report.verdict().code()).isEqualTo("526");
            assertThat(report.probes().get(OriginTlsProbe.KEY)).singleElement().satisfies(t -> assertThat(t.expired()).isTrue());
        }
    }

    @Test
    void redirectToItselfIsRedirectLoop() {
        for (int i = 0; i < 12; i++) {
            site.edge().enqueue(new MockResponse.Builder().code(301).setHeader("server", "cloudflare")
                    .setHeader("cf-ray", LoopbackSite.CF_RAY).setHeader("location", site.url()).build());
        }

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.REDIRECT_LOOP);
        assertThat(report.verdict().code()).isEqualTo("301");
    }

    @Test
    void unknownNameIsDnsFailureNxdomain() {
        CheckReport report = check(site.request(
                "https://missing.example.test/", List.of(), Duration.ofSeconds(10), DomainSettings.NONE));

        assertThat(report.verdict().kind()).isEqualTo(Kind.DNS_FAILURE);
        assertThat(report.verdict().code()).isEqualTo("NXDOMAIN");
        assertThat(report.probes().get(EdgeProbe.KEY)).isNull();
    }

    @Test
    void failingResolverIsDnsFailureServfail() {
        site.dns().rcode("broken.example.test", Rcode.SERVFAIL);

        CheckReport report = check(site.request(
                "https://broken.example.test/", List.of(), Duration.ofSeconds(10), DomainSettings.NONE));

        assertThat(report.verdict().kind()).isEqualTo(Kind.DNS_FAILURE);
        assertThat(report.verdict().code()).isEqualTo("SERVFAIL");
    }

    @Test
    void siteOutsideCloudflareRangesIsNotOnCloudflare() {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "nginx").body("hello").build());
        // The same loopback edge, but with Cloudflare's real ranges loopback is not Cloudflare.
        try (Checker checker = site.checker(CloudflareRanges.bundled(), Thresholds.DEFAULTS, Duration.ZERO)) {
            CheckReport report = recorded(checker.checkAndWait(site.request(List.of())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.NOT_ON_CLOUDFLARE);
            assertThat(report.verdict().code()).isEqualTo("200");
            assertThat(report.probes().get(DnsProbe.KEY).proxied()).isFalse();
            assertThat(report.probes().get(TraceProbe.KEY)).isNull(); // no edge to ask
        }
    }

    @Test
    void accessDeniedPageIsBlockedByCloudflare() {
        site.edge().enqueue(page(403, "pages/1006-codemanki-access_denied.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
        assertThat(report.verdict().code()).isEqualTo("1006");
    }

    @Test
    void plainTextFirewallBlockIsBlockedByCloudflare1020() {
        site.edge().enqueue(page(403, "pages/synthetic/1020-plain-text.txt"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
        assertThat(report.verdict().code()).isEqualTo("1020");
    }

    @Test
    void managedChallengeIsChallenge() {
        site.edge().enqueue(new MockResponse.Builder(page(403, "pages/challenge-managed-2022-alchemy-wonderland.html"))
                .setHeader("cf-mitigated", "challenge").build());

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.CHALLENGE);
        assertThat(report.verdict().code()).isEqualTo("403");
    }

    @Test
    void cloudflare530With1016IsOriginDnsError() {
        site.edge().enqueue(page(530, "pages/synthetic/530-1016-origin-dns-error.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_DNS_ERROR);
        assertThat(report.verdict().code()).isEqualTo("1016");
    }

    @Test
    void workerExceptionPageIsCloudflareError1101() {
        site.edge().enqueue(page(500, "pages/1101-www.cloudflare.com-mikrotik-iplist.html"));

        CheckReport report = check(List.of());

        assertThat(report.verdict().kind()).isEqualTo(Kind.CLOUDFLARE_ERROR);
        assertThat(report.verdict().code()).isEqualTo("1101");
    }

    @Test
    void closedEdgePortIsEdgeUnreachable() {
        int closed = ClosedPort.find();

        CheckReport report = check(site.request(
                "https://" + LoopbackSite.HOST + ":" + closed + "/", List.of(), Duration.ofSeconds(10), DomainSettings.NONE));

        assertThat(report.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
        assertThat(report.verdict().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void firstByteOverTheThresholdIsSlowResponse() {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).headersDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                .body("slow").build());
        try (Checker checker = site.checker(new Thresholds(Duration.ofMillis(100), 14), Duration.ZERO)) {
            CheckReport report = recorded(checker.checkAndWait(site.request(List.of())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.SLOW_RESPONSE);
            assertThat(report.verdict().code()).isEqualTo("200");
            assertThat(report.verdict().severity()).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void originCertificateExpiringSoonIsCertExpiring() {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());
        try (TlsTestServer origin = TlsTestServer.serving(TestCertificates.leafExpiringInDays(LoopbackSite.HOST, 5),
                TestCertificates.rootCa()).status(200).start()) {
            CheckReport report = check(List.of(origin(origin.port())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.CERT_EXPIRING);
            assertThat(report.verdict().code()).isEqualTo("200");
            assertThat(report.verdict().severity()).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void edge522WhileTheOriginAnswersDirectlyPointsAtAFirewall() {
        site.edge().enqueue(page(522, "pages/522-supabase-nhl-cronlog.html"));
        try (TlsTestServer origin = TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa())
                .status(200).start()) {
            CheckReport report = check(List.of(origin(origin.port())));

            assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(String.join("\n", report.verdict().evidence()) + report.verdict().summary() + steps(report))
                    .containsIgnoringCase("firewall");
            assertThat(commands(report)).contains("ufw");
        }
    }

    @Test
    void siteWithOnlyAnIpv6AddressIsCheckedOverIpv6WithAnIpv6Origin() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1"); // a literal: no lookup
        assumeThatCode(() -> new java.net.ServerSocket(0, 1, v6).close())
                .as("this machine has IPv6 loopback").doesNotThrowAnyException();
        String host = "v6.example.test";
        site.dns().aaaa(host, "::1");
        try (MockWebServer edge = new MockWebServer()) {
            edge.setDispatcher(new EdgeDispatcher());
            edge.useHttps(TestCertificates.serverCertificates(TestCertificates.leaf(host), TestCertificates.rootCa())
                    .sslSocketFactory());
            edge.enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                    .setHeader("cf-ray", LoopbackSite.CF_RAY).body("over v6").build());
            edge.start(v6, 0);
            CloudflareRanges ranges = CloudflareRanges.of(List.of(
                    dev.cfcheck.site.Cidr.parse("127.0.0.0/8"), dev.cfcheck.site.Cidr.parse("::1/128")));
            try (Checker checker = site.checker(ranges, Thresholds.DEFAULTS, Duration.ZERO)) {
                CheckReport report = recorded(checker.checkAndWait(site.request("https://" + host + ":" + edge.getPort() + "/",
                        List.of(new OriginEndpoint(v6, ClosedPort.find())), Duration.ofSeconds(10), DomainSettings.NONE)));
                // The origin is only there to be probed over IPv6 (its port is closed); the edge answers 200.

                assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
                assertThat(report.probes().get(DnsProbe.KEY).ipv6()).containsExactly("::1");
                assertThat(report.probes().get(DnsProbe.KEY).proxied()).isTrue();
                assertThat(report.probes().get(EdgeProbe.KEY).https().address()).isEqualTo("::1");
                assertThat(report.probes().get(OriginsProbe.KEY)).singleElement()
                        .satisfies(o -> assertThat(o.address()).isEqualTo("::1"));
                assertThat(report.probes().get(TraceProbe.KEY).address()).isEqualTo("::1");
                assertThat(List.of(edge.takeRequest().getTarget(), edge.takeRequest().getTarget()))
                        .containsExactlyInAnyOrder("/", "/cdn-cgi/trace");
            }
        }
    }

    @Test
    void secondCheckIsServedFromTheCacheAndFreshBypassesIt() {
        for (int i = 0; i < 2; i++) {
            site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                    .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());
        }
        Checker checker = site.checker();

        CheckReport first = checker.checkAndWait(site.request(List.of()));
        CheckReport second = checker.checkAndWait(site.request(List.of()));
        CheckReport fresh = checker.checkAndWait(site.request(List.of()).withFresh(true));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.checkedAt()).isEqualTo(first.checkedAt());
        assertThat(fresh.cached()).isFalse();
        assertThat(checker.probeRuns()).isEqualTo(2);
        assertThat(site.edgeDispatcher().pageRequests()).isEqualTo(2);
    }

    private static FullBacklogServer startFullBacklog() {
        assumeThatCode(() -> FullBacklogServer.start().close())
                .as("this kernel drops SYNs to a full accept queue").doesNotThrowAnyException();
        return FullBacklogServer.start();
    }
}
