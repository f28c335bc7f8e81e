package dev.cfcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.CloudflareLikeEdge;
import dev.cfcheck.testing.CloudflareLikeEdge.Origin;
import dev.cfcheck.testing.CloudflareLikeEdge.Timing;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.LoopbackSite;
import dev.cfcheck.testing.RawReply;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Broken replies and stalled TLS handshakes through the real {@link Checker}, on loopback: each is named by its
 * failure kind at once (with follow-up on, the report is final at once: nothing waited for Cloudflare), and the
 * verdict says what it means (a broken edge reply, or Cloudflare's 520/525 inferred from the origin).
 * Timing is never asserted: a stall found at the deadline would carry {@code DEADLINE}, not these kinds.
 */
class CheckerBrokenReplyTest {

    /** Far away for the broken replies: they must not need it. */
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(10);
    /**
     * For a silent edge, which does take the whole deadline: short, yet room enough for the handshakes that do
     * complete and the origin's answer on a cold JVM and a busy machine.
     */
    private static final Duration SILENT_EDGE_DEADLINE = Duration.ofSeconds(4);
    /**
     * For a handshake that stalls: shorter than the default 5 s so the test is quick, long enough for the
     * handshakes that do complete, and well inside {@link #SILENT_EDGE_DEADLINE}.
     */
    private static final HandshakeTimeout STALL = new HandshakeTimeout(Duration.ofSeconds(1));
    /** The edge stand-in holds https for longer than the test: the edge is silent at the deadline. */
    private static final Timing HOLDS = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(30));
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

    @ParameterizedTest
    @EnumSource(RawReply.class)
    void brokenEdgeReplyIsNamedAtOnceAndNeverHealthy(RawReply reply) {
        try (TlsTestServer edge = tlsServer(reply);
             Checker checker = site.checker(settings(FOLLOW_UP), HandshakeTimeout.DEFAULT)) {
            CheckReport report = checker.checkAndWait(request(edge.port(), List.of(), LONG_DEADLINE));

            HttpExchange https = report.probes().get(EdgeProbe.KEY).https();
            assertThat(https.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            assertThat(https.complete()).isFalse();
            assertThat(report.isFinal()).isTrue(); // nothing kept waiting for an answer that had already broken
            assertThat(report.verdict().kind()).isEqualTo(Kind.EDGE_BROKEN_REPLY);
            assertThat(report.verdict().severity()).isEqualTo(Severity.CRITICAL);
            // The JSON contract only gains the new names.
            assertThat(ReportJson.write(report)).contains("\"BROKEN_REPLY\"").contains("\"EDGE_BROKEN_REPLY\"");
        }
    }

    @Test
    void edgeAndOriginBothCuttingTheBodyShortInfer520() {
        try (TlsTestServer edge = tlsServer(RawReply.SHORT_BODY);
             TlsTestServer origin = tlsServer(RawReply.SHORT_BODY);
             Checker checker = site.checker(settings(FOLLOW_UP), HandshakeTimeout.DEFAULT)) {
            CheckReport report = checker.checkAndWait(request(edge.port(), List.of(endpoint(origin.port())), LONG_DEADLINE));

            assertThat(report.probes().get(EdgeProbe.KEY).https().failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            OriginResult probed = report.probes().get(OriginsProbe.KEY).get(0);
            assertThat(probed.http().status()).isEqualTo(200);
            assertThat(probed.http().failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
            assertThat(report.verdict().code()).isEqualTo("520");
            assertThat(report.verdict().inferred()).isTrue();
        }
    }

    @Test
    void silentEdgeWithAnOriginSendingAnEmptyReplyInfers520() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.NEVER_RESPONDS, HOLDS);
             TlsTestServer origin = tlsServer(RawReply.EMPTY);
             Checker checker = site.checker(settings(Duration.ZERO), HandshakeTimeout.DEFAULT, edge.httpsPort(), edge.httpPort())) {
            CheckReport report = checker.checkAndWait(portlessRequest(List.of(endpoint(origin.port())), SILENT_EDGE_DEADLINE));

            assertThat(report.probes().get(EdgeProbe.KEY).https().failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
            assertThat(report.probes().get(OriginsProbe.KEY).get(0).http().failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            assertThat(report.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
            assertThat(report.verdict().code()).isEqualTo("520");
            assertThat(report.verdict().inferred()).isTrue();
        }
    }

    @Test
    void silentEdgeWithAnOriginWhoseHandshakeStallsInfers525() throws Exception {
        try (CloudflareLikeEdge edge = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.NEVER_RESPONDS, HOLDS);
             SilentServer origin = SilentServer.start();
             Checker checker = site.checker(settings(Duration.ZERO), STALL, edge.httpsPort(), edge.httpPort())) {
            CheckReport report = checker.checkAndWait(portlessRequest(List.of(endpoint(origin.port())), SILENT_EDGE_DEADLINE));

            TlsResult tls = report.probes().get(OriginTlsProbe.KEY).get(0);
            assertThat(tls.failure()).isEqualTo(TlsFailure.TIMEOUT);
            // Named at the handshake timeout, not at the deadline ("... when the check's deadline came").
            assertThat(tls.failureDetail()).isEqualTo(HandshakeTimeout.stalled(STALL.limit().toMillis()).message());
            // The origin's GET gave up on TLS in time to try plain http, which it only does before the deadline.
            assertThat(report.probes().get(OriginsProbe.KEY).get(0).http().url()).startsWith("http://");
            assertThat(report.verdict().kind()).isEqualTo(Kind.TLS_HANDSHAKE);
            assertThat(report.verdict().code()).isEqualTo("525");
            assertThat(report.verdict().inferred()).isTrue();
        }
    }

    @Test
    void edgeHandshakeStallingWhileHttpRedirectsIsNamedBeforeTheDeadlineAndNeverHealthy() throws Exception {
        // http 301s to a healthy https elsewhere ("Always Use HTTPS"); the https port asked stalls its handshake.
        try (CloudflareLikeEdge httpSide = CloudflareLikeEdge.start(LoopbackSite.HOST, Origin.HEALTHY, HOLDS);
             SilentServer stalledHttps = SilentServer.start();
             Checker checker = site.checker(settings(FOLLOW_UP), STALL, stalledHttps.port(), httpSide.httpPort())) {
            CheckReport report = checker.checkAndWait(site.request("https://" + LoopbackSite.HOST + "/", List.of(), LONG_DEADLINE,
                    DomainSettings.NONE));

            assertThat(report.probes().get(EdgeProbe.KEY).https().failure().kind()).isEqualTo(Failure.Kind.TLS_TIMEOUT);
            assertThat(report.probes().get(EdgeProbe.KEY).http().redirects()).isNotEmpty();
            assertThat(report.isFinal()).isTrue();
            assertThat(report.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(report.verdict().code()).isEqualTo("TLS_TIMEOUT");
            assertThat(report.verdict().severity()).isNotIn(Severity.OK, Severity.INFO);
        }
    }

    private static TlsTestServer tlsServer(RawReply reply) {
        return TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa()).reply(reply).start();
    }

    private static CheckerSettings settings(Duration followUp) {
        return new CheckerSettings(Duration.ofSeconds(60), 100, 4, Thresholds.DEFAULTS, followUp);
    }

    /** https on the edge's own port (only https is probed then). */
    private CheckRequest request(int edgePort, List<OriginEndpoint> origins, Duration deadline) {
        return site.request("https://" + LoopbackSite.HOST + ":" + edgePort + "/", origins, deadline, DomainSettings.NONE);
    }

    /** https and http on the checker's edge ports. */
    private CheckRequest portlessRequest(List<OriginEndpoint> origins, Duration deadline) {
        return site.request("https://" + LoopbackSite.HOST + "/", origins, deadline, DomainSettings.NONE);
    }

    private static OriginEndpoint endpoint(int port) {
        return new OriginEndpoint(Loopback.ADDRESS, port);
    }
}
