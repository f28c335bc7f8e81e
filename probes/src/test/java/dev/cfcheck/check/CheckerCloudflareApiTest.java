package dev.cfcheck.check;

import static dev.cfcheck.testing.LoopbackSite.HOST;
import static dev.cfcheck.testing.LoopbackSite.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.cfapi.CloudflareApi;
import dev.cfcheck.probes.cfapi.CloudflareApiProbe;
import dev.cfcheck.probes.origin.OriginPorts;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import dev.cfcheck.site.TargetParser;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.CloudflareApiStandIn;
import dev.cfcheck.testing.FlexibleEdgeDispatcher;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.LoopbackSite;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.Tls10OnlyServer;
import dev.cfcheck.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Cloudflare API's facts through the real {@link Checker}: a loopback site (DNS, an edge playing Cloudflare),
 * the API stand-in naming the origin and the zone's settings, and real origin faults on loopback ports playing
 * 443 and 80. Each diagnosis rule the facts enable, end to end; and the API's own troubles as notes.
 */
class CheckerCloudflareApiTest {

    private static final String TUNNEL_ID = "6ff42ae2-765d-4adf-8112-31c55c1551ef";
    /** A silent edge holds the check to its deadline; the API has 40% of it, ample on a loaded machine. */
    private static final Duration SILENT_EDGE_DEADLINE = Duration.ofSeconds(5);
    private static final CloudflareRanges LOOPBACK_IS_CLOUDFLARE = CloudflareRanges.of(List.of(Cidr.parse("127.0.0.0/8")));

    @TempDir
    Path dir;

    private LoopbackSite site;
    private CloudflareApiStandIn api;
    private final List<AutoCloseable> origins = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = LoopbackSite.start(dir);
        api = CloudflareApiStandIn.start().zone("example.test", "z1");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : origins) {
            c.close();
        }
        api.close();
        site.close();
    }

    private <T extends AutoCloseable> T origin(T server) {
        origins.add(server);
        return server;
    }

    private CheckReport check(OriginPorts ports) {
        return check(ports, LOOPBACK_IS_CLOUDFLARE, site.request(List.of()));
    }

    private CheckReport check(OriginPorts ports, Duration timeout) {
        return check(ports, LOOPBACK_IS_CLOUDFLARE,
                site.request(site.url(), List.of(), timeout, dev.cfcheck.diagnosis.DomainSettings.NONE));
    }

    private CheckReport check(OriginPorts ports, CloudflareRanges ranges, CheckRequest request) {
        try (Checker checker = site.checker(ranges, CloudflareApi.create(api.url(), CloudflareApiStandIn.TOKEN), ports)) {
            return checker.checkAndWait(request);
        }
    }

    /** A TLS origin for the site (a certificate from the test CA) answering 200: its "443". */
    private TlsTestServer healthyTls() {
        return origin(TlsTestServer.serving(TestCertificates.leaf(HOST), TestCertificates.rootCa()).status(200).start());
    }

    private static String steps(CheckReport report) {
        return report.verdict().nextSteps().stream().map(s -> s.text() + " $ " + s.command()).collect(Collectors.joining("\n"));
    }

    private static List<ProbeField> apiFields(CheckReport report) {
        Target target = TargetParser.parse("https://" + HOST + "/", true);
        for (ProbeResults.Entry<?> e : report.probes().entries()) {
            if (e.key().equals(CloudflareApiProbe.KEY)) {
                return e.fields(target);
            }
        }
        return List.of();
    }

    private static OriginEndpoint given(int port) {
        return new OriginEndpoint(Loopback.ADDRESS, port);
    }

    @Test
    void theApiHasAShareOfTheDeadlineSoTheOriginProbesKeepTheMost() {
        assertThat(Checker.sourcesTime(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(4));
        assertThat(Checker.sourcesTime(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theOriginFromTheApiIsProbedAndTheCardSaysWhereItCameFrom() throws Exception {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "strict", "on", "1.2", "on", "off");
        TlsTestServer tls = healthyTls();
        PlainHttpServer plain = origin(PlainHttpServer.start(200));
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<h1>shop</h1>").build());

        CheckReport report = check(new OriginPorts(tls.port(), plain.port()));

        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        assertThat(report.probes().get(OriginsProbe.KEY)).singleElement().satisfies(o -> {
            assertThat(o.address()).isEqualTo("127.0.0.1");
            assertThat(o.ports()).extracting(p -> p.port()).containsExactly(tls.port(), plain.port());
        });
        assertThat(report.probes().get(CloudflareApiProbe.KEY).originsUsed()).isTrue();
        assertThat(apiFields(report)).contains(
                new ProbeField("Cloudflare", "example.test · SSL Full (strict) · Always Use HTTPS on · min TLS 1.2 · TLS 1.3 on · AOP off"),
                new ProbeField("Origin", "from the Cloudflare API, record A " + HOST));
        var json = ReportJson.mapper().readTree(ReportJson.write(report)).get("probes");
        assertThat(json.fieldNames()).toIterable().last().isEqualTo("cloudflare"); // the JSON grows at the end
        assertThat(json.get("cloudflare").get("settings").get("ssl").asText()).isEqualTo("strict");
        assertThat(ReportJson.write(report)).doesNotContain(CloudflareApiStandIn.TOKEN);
    }

    @Test
    void anOriginGivenWinsOverTheApis() {
        api.record("z1", "A", HOST, "127.0.0.9", true);
        TlsTestServer tls = healthyTls();
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());

        CheckReport report = check(OriginPorts.STANDARD, LOOPBACK_IS_CLOUDFLARE, site.request(List.of(given(tls.port()))));

        assertThat(report.probes().get(OriginsProbe.KEY)).extracting(OriginResult::address).containsExactly("127.0.0.1");
        assertThat(report.probes().get(CloudflareApiProbe.KEY).originsUsed()).isFalse();
        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
    }

    @Test
    void flexibleAgainstAnOriginRedirectingHttpToHttpsIsTheRedirectLoop() throws Exception {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "flexible", "off", "1.0", "on", "off");
        TlsTestServer tls = healthyTls();
        MockWebServer http = origin(new MockWebServer());
        // The origin's port 80: nginx's "return 301 https://$host$request_uri".
        http.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(301)
                        .setHeader("Location", "https://" + HOST + ":" + site.edge().getPort() + request.getTarget()).build();
            }
        });
        http.start(Loopback.ADDRESS, 0);
        site.edge().setDispatcher(new FlexibleEdgeDispatcher(http.getPort()));

        CheckReport report = check(new OriginPorts(tls.port(), http.getPort()));

        assertThat(report.verdict().kind()).isEqualTo(Kind.REDIRECT_LOOP);
        assertThat(report.verdict().title()).contains("Flexible SSL against an HTTPS redirect at the origin");
        assertThat(report.verdict().evidence()).contains("the zone is in Flexible mode (from the Cloudflare API): Cloudflare"
                + " asks the origin over plain HTTP, so an origin that redirects HTTP to HTTPS sends every visitor back"
                + " to the URL they asked for");
        assertThat(steps(report)).contains("set the mode to Full (strict)", "--data '{\"value\":\"strict\"}'",
                "--data '{\"value\":\"full\"}'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"self-signed", "expired"})
    void fullStrictWithABadOriginCertificateIs526FixedByAnOriginCaCertificate(String fault) {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "strict", "on", "1.2", "on", "off");
        HeldCertificate leaf = fault.equals("expired") ? TestCertificates.expiredLeaf(HOST) : TestCertificates.selfSignedLeaf(HOST);
        TlsTestServer tls = origin(fault.equals("expired")
                ? TlsTestServer.serving(leaf, TestCertificates.rootCa()).start() : TlsTestServer.serving(leaf).start());
        int closed = ClosedPort.find();
        site.edge().enqueue(page(526, "pages/synthetic/526-invalid-ssl-certificate.html"));

        CheckReport report = check(new OriginPorts(tls.port(), closed));

        assertThat(report.verdict().kind()).isEqualTo(Kind.TLS_CERTIFICATE);
        assertThat(report.verdict().code()).isEqualTo("526");
        assertThat(report.verdict().title()).startsWith("526 in Full (strict) mode");
        assertThat(report.verdict().evidence()).anySatisfy(line -> assertThat(line).startsWith(
                "the zone is in Full (strict) mode (from the Cloudflare API): Cloudflare checks the origin's certificate, and origin 127.0.0.1:"
                        + tls.port() + (fault.equals("expired") ? " presents a certificate that expired" : " presents a self-signed certificate")));
        assertThat(steps(report)).contains("Cloudflare Origin CA certificate", "--data '{\"value\":\"full\"}'");
    }

    @Test
    void flexibleOnAnOriginListeningOnlyOn443Is521WithThatCause() {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "flexible", "off", "1.0", "on", "off");
        TlsTestServer tls = healthyTls();
        int closed = ClosedPort.find();
        site.edge().enqueue(page(521, "pages/521-llamarpc-codexlog.html"));

        CheckReport report = check(new OriginPorts(tls.port(), closed));

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
        assertThat(report.verdict().inferred()).isFalse();
        assertThat(report.verdict().title()).isEqualTo("521: Flexible SSL sends Cloudflare to port 80, where the origin of " + HOST + " refuses");
        assertThat(report.verdict().evidence()).contains("the zone is in Flexible mode (from the Cloudflare API): Cloudflare"
                + " connects to the origin over plain HTTP on port 80, where origin 127.0.0.1:" + closed
                + " refuses the connection, while 127.0.0.1:" + tls.port() + " accepts connections");
        assertThat(steps(report)).contains("--data '{\"value\":\"strict\"}'");
    }

    @Test
    void flexibleOnAnOriginListeningOnlyOn443IsInferred521BeforeCloudflareSaysSo() {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "flexible", "off", "1.0", "on", "off");
        TlsTestServer tls = healthyTls();
        int closed = ClosedPort.find();
        site.edge().enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CheckReport report = check(new OriginPorts(tls.port(), closed), SILENT_EDGE_DEADLINE);

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
        assertThat(report.verdict().code()).isEqualTo("521");
        assertThat(report.verdict().inferred()).isTrue();
        assertThat(report.verdict().title()).startsWith("521: Flexible SSL sends Cloudflare to port 80");
    }

    @Test
    void fullWithNoCertificateAtAllIs525() {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "full", "off", "1.0", "on", "off");
        PlainHttpServer plainOn443 = origin(PlainHttpServer.start(400)); // nginx "listen 443;" without ssl
        int closed = ClosedPort.find();
        site.edge().enqueue(page(525, "pages/525-llamarpc-codexlog.html"));

        CheckReport report = check(new OriginPorts(plainOn443.port(), closed));

        assertThat(report.verdict().kind()).isEqualTo(Kind.TLS_HANDSHAKE);
        assertThat(report.verdict().title()).startsWith("525 in Full mode");
        assertThat(report.verdict().evidence()).contains("the zone is in Full mode (from the Cloudflare API): Cloudflare needs"
                + " a TLS handshake with the origin, and origin 127.0.0.1:" + plainOn443.port()
                + " answers plain HTTP there: no TLS, so no certificate at all");
        assertThat(report.verdict().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aMinimumTlsVersionAboveWhatTheOriginOffersIsAWarning() {
        api.record("z1", "A", HOST, "127.0.0.1", true).settings("z1", "full", "on", "1.2", "on", "off");
        Tls10OnlyServer old = origin(Tls10OnlyServer.start());
        PlainHttpServer plain = origin(PlainHttpServer.start(200));
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build()); // Cloudflare still talks TLS 1.0 to it

        CheckReport report = check(new OriginPorts(old.port(), plain.port()));

        assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_TLS_BELOW_MINIMUM);
        assertThat(report.verdict().severity()).isEqualTo(Severity.WARNING);
        assertThat(report.verdict().title()).isEqualTo("The origin of " + HOST
                + " offers only TLS older than 1.2, below the zone's minimum TLS version (1.2)");
        assertThat(report.verdict().evidence()).contains("origin 127.0.0.1:" + old.port() + " completes no TLS 1.2 or 1.3"
                + " handshake, below the zone's minimum TLS version 1.2 for visitors (from the Cloudflare API)");
    }

    @Test
    void aTunnelIsNamedWithItsStepsAndNoOriginAddressIsAskedFor() {
        api.record("z1", "CNAME", HOST, TUNNEL_ID + ".cfargotunnel.com", true);
        site.edge().enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CheckReport report = check(OriginPorts.STANDARD, SILENT_EDGE_DEADLINE);

        assertThat(report.verdict().kind()).isEqualTo(Kind.EDGE_SILENT);
        assertThat(report.verdict().summary()).contains("served through Cloudflare Tunnel " + TUNNEL_ID)
                .doesNotContain("--origin").doesNotContain("$ORIGIN_IP");
        assertThat(report.verdict().nextSteps()).extracting(NextStep::command)
                .contains("cloudflared tunnel info " + TUNNEL_ID, "cloudflared tunnel list")
                .noneSatisfy(c -> assertThat(c).contains("ORIGIN_IP"));
        assertThat(report.probes().get(OriginsProbe.KEY)).isNull();
        assertThat(apiFields(report)).contains(new ProbeField("Origin", "Cloudflare Tunnel " + TUNNEL_ID
                + " (from the Cloudflare API, record CNAME " + HOST + "): no origin address, cloudflared connects out to Cloudflare"));
    }

    @Test
    void aRecordNotProxiedIsNotOnCloudflareNamingTheRecord() {
        api.record("z1", "A", HOST, "127.0.0.1", false);
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "nginx").body("direct").build());

        CheckReport report = check(OriginPorts.STANDARD, CloudflareRanges.bundled(), site.request(List.of()));

        assertThat(report.verdict().kind()).isEqualTo(Kind.NOT_ON_CLOUDFLARE);
        assertThat(report.verdict().title()).contains("not proxied (DNS only)");
        assertThat(report.verdict().evidence()).contains("at Cloudflare (from the Cloudflare API): record A " + HOST + " DNS only (not proxied)");
        assertThat(report.probes().get(OriginsProbe.KEY)).isNull(); // a DNS-only record names no origin
    }

    @ParameterizedTest
    @ValueSource(strings = {"401", "9109", "10000", "429"})
    void aTokenProblemIsANoteBesideAHealthyVerdictNeverAFailedCheck(String problem) {
        switch (problem) {
            case "401" -> api.failing("", CloudflareApiStandIn.error(401, 10001, "Unable to authenticate request"));
            case "9109" -> api.failing("", CloudflareApiStandIn.error(403, 9109, "Invalid access token"));
            case "10000" -> api.failing("/zones/z1", CloudflareApiStandIn.error(403, 10000, "Authentication error"));
            default -> api.failing("", CloudflareApiStandIn.rateLimited(300));
        }
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());

        CheckReport report = check(OriginPorts.STANDARD);

        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        Finding note = report.findings().stream().filter(f -> f.kind() == Kind.CLOUDFLARE_API).findFirst().orElseThrow();
        assertThat(note.severity()).isEqualTo(Severity.INFO);
        assertThat(note.title()).startsWith(switch (problem) {
            case "401", "9109" -> "Cloudflare API: the token was refused";
            case "10000" -> "Cloudflare API: the token may not read this zone's records or settings";
            default -> "Cloudflare API: rate limited";
        });
        assertThat(note.code()).isEqualTo(switch (problem) {
            case "401" -> "10001";
            case "429" -> "971";
            default -> problem;
        });
    }

    @Test
    void aSlowApiNeverHoldsTheCardPastTheDeadline() {
        api.stalling(""); // takes every request and never answers
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());

        // The checker gives up on a check that overruns its deadline (CheckFailedException): a report is on time.
        CheckReport report = check(OriginPorts.STANDARD, Duration.ofSeconds(2));

        assertThat(report.isFinal()).isTrue();
        assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.CLOUDFLARE_API);
            assertThat(f.title()).isEqualTo("Cloudflare API: no usable answer in time, zone facts not read");
        });
    }
}
