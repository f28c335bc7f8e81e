package dev.cfcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.CloudflareLikeEdge;
import dev.cfcheck.testing.CloudflareLikeEdge.Origin;
import dev.cfcheck.testing.CloudflareLikeEdge.Timing;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.LoopbackSite;
import dev.cfcheck.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare's real timing through the real {@link Checker}: an edge whose https side holds the request until
 * Cloudflare would answer 522 (19 s) or 524 (100 s) while http 301s at once. The test's deadline and
 * Cloudflare's limits are shortened in the same order (deadline &lt; 522 &lt; 524), so they mean what the real ones do.
 */
class CheckerFollowUpTest {

    /** The check's deadline here; 10 s in production. */
    private static final Duration DEADLINE = Duration.ofSeconds(2); // room for a loaded CI machine
    /** Cloudflare's 19 s and 100 s, in the same order past the deadline. */
    private static final Timing TIMING = new Timing(Duration.ofMillis(4000), Duration.ofMillis(6000));
    private static final Duration FOLLOW_UP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private LoopbackSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = LoopbackSite.start(dir);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void httpsSilentWhileHttpRedirectsIsNeverHealthyAndCloudflares522MakesTheFinalReport() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.DROPS_SYNS, TIMING);
             Checker checker = checker(edge, FOLLOW_UP)) {
            CheckRequest request = request(List.of());

            CheckReport preliminary = checker.checkAndWait(request);

            assertThat(preliminary.isFinal()).isFalse();
            assertThat(preliminary.verdict().kind()).isEqualTo(Kind.EDGE_SILENT);
            assertThat(preliminary.verdict().severity()).isNotIn(Severity.OK, Severity.INFO);
            assertThat(preliminary.probes().get(EdgeProbe.KEY).http().redirects()).isNotEmpty();
            assertThat(preliminary.probes().get(EdgeProbe.KEY).https().answered()).isFalse();

            CheckReport last = checker.followUp(request, preliminary).get(15, TimeUnit.SECONDS);

            assertThat(last.isFinal()).isTrue();
            assertThat(last.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(last.verdict().code()).isEqualTo("522");
            assertThat(last.verdict().inferred()).isFalse();
            assertThat(last.probes().get(EdgeProbe.KEY).https().status()).isEqualTo(522);
            // The cache now serves the final report.
            CheckReport again = checker.checkAndWait(request);
            assertThat(again.cached()).isTrue();
            assertThat(again.isFinal()).isTrue();
            assertThat(again.verdict().code()).isEqualTo("522");
        }
    }

    @Test
    void originThatNeverRespondsIsInferred524AtTheDeadlineThenSeen524() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.NEVER_RESPONDS, TIMING);
             MockWebServer origin = mutedOrigin();
             Checker checker = checker(edge, FOLLOW_UP)) {
            CheckRequest request = request(List.of(new OriginEndpoint(Loopback.ADDRESS, origin.getPort())));

            CheckReport preliminary = checker.checkAndWait(request);

            assertThat(preliminary.isFinal()).isFalse();
            assertThat(preliminary.verdict().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
            assertThat(preliminary.verdict().code()).isEqualTo("524");
            assertThat(preliminary.verdict().inferred()).isTrue();

            CheckReport last = checker.followUp(request, preliminary).get(15, TimeUnit.SECONDS);

            assertThat(last.isFinal()).isTrue();
            assertThat(last.verdict().code()).isEqualTo("524");
            assertThat(last.verdict().inferred()).isFalse();
        }
    }

    @Test
    void withoutFollowUpTheReportAtTheDeadlineIsFinalAndStillNotHealthy() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.DROPS_SYNS, TIMING);
             Checker checker = checker(edge, Duration.ZERO)) {
            CheckRequest request = request(List.of());

            CheckReport report = checker.checkAndWait(request);

            assertThat(report.isFinal()).isTrue();
            assertThat(report.verdict().kind()).isEqualTo(Kind.EDGE_SILENT);
            assertThat(report.verdict().title()).contains(LoopbackSite.HOST);
            assertThat(checker.followUp(request, report).get(1, TimeUnit.SECONDS)).isSameAs(report);
        }
    }

    @Test
    void anEdgeThatAnswersInTimeGivesAFinalReportAtOnce() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.HEALTHY, TIMING);
             Checker checker = checker(edge, FOLLOW_UP)) {
            CheckReport report = checker.checkAndWait(request(List.of()));

            assertThat(report.isFinal()).isTrue();
            assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
        }
    }

    private CheckRequest request(List<OriginEndpoint> origins) {
        return site.request("https://" + LoopbackSite.HOST + "/", origins, DEADLINE, DomainSettings.NONE);
    }

    private Checker checker(CloudflareLikeEdge edge, Duration followUp) {
        CheckerSettings settings = new CheckerSettings(Duration.ofSeconds(60), 100, 4, Thresholds.DEFAULTS, followUp);
        return site.checker(settings, HandshakeTimeout.DEFAULT, edge.httpsPort(), edge.httpPort());
    }

    /** An origin that accepts and completes TLS, then never sends a response: what makes Cloudflare's 524. */
    private static MockWebServer mutedOrigin() throws Exception {
        MockWebServer origin = new MockWebServer();
        origin.useHttps(TestCertificates.serverCertificates(
                TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa()).sslSocketFactory());
        for (int i = 0; i < 4; i++) {
            origin.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        origin.start(Loopback.ADDRESS, 0);
        return origin;
    }
}
