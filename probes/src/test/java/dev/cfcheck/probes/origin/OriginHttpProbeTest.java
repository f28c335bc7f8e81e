package dev.cfcheck.probes.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.RawReply;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OriginHttpProbeTest {
    private static final String HOST = "origin.test";

    private final OriginHttpProbe probe = new OriginHttpProbe();
    private MockWebServer origin;

    @BeforeEach
    void startOrigin() throws Exception {
        origin = new MockWebServer();
        origin.start(Loopback.ADDRESS, 0);
    }

    @AfterEach
    void stopOrigin() {
        origin.close();
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void originStatusIsPassedThroughWithTheRealHostHeader() throws Exception {
        origin.enqueue(new MockResponse.Builder().code(503).addHeader("Server", "nginx/1.25").body("down").build());

        OriginHttp result = probe.get(HOST, "/health?probe=1", Loopback.ADDRESS, origin.getPort(), false, deadline());

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.server()).isEqualTo("nginx/1.25");
        assertThat(result.firstByteMs()).isNotNull();
        assertThat(result.failure()).isNull();
        assertThat(result.url()).isEqualTo("http://127.0.0.1:" + origin.getPort() + "/health?probe=1");
        RecordedRequest request = origin.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/health?probe=1");
        assertThat(request.getHeaders().get("Host")).isEqualTo(HOST + ":" + origin.getPort());
    }

    @Test
    void redirectIsReportedNotFollowed() throws Exception {
        origin.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "https://" + HOST + "/").build());

        OriginHttp result = probe.get(HOST, "/", Loopback.ADDRESS, origin.getPort(), false, deadline());

        assertThat(result.status()).isEqualTo(301);
        assertThat(origin.getRequestCount()).isEqualTo(1);
    }

    @Test
    void httpsOriginWithSelfSignedCertificateStillAnswersWithSniSet() throws Exception {
        origin.useHttps(TestCertificates.serverCertificates(TestCertificates.selfSignedLeaf(HOST)).sslSocketFactory());
        origin.enqueue(new MockResponse.Builder().code(200).body("ok").build());

        OriginHttp result = probe.get(HOST, "/", Loopback.ADDRESS, origin.getPort(), true, deadline());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.url()).startsWith("https://127.0.0.1:");
        RecordedRequest request = origin.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHandshakeServerNames()).containsExactly(HOST);
        assertThat(request.getHeaders().get("Host")).isEqualTo(HOST + ":" + origin.getPort());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards against the call outliving its deadline
    void connectedButSilentOriginIsATimeoutAfterConnecting() throws Exception {
        origin.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        OriginHttp result = probe.get(HOST, "/slow", Loopback.ADDRESS, origin.getPort(), false, Deadline.after(Duration.ofMillis(500)));

        assertThat(origin.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/slow"); // it connected and sent
        assertThat(result.status()).isNull();
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TIMEOUT);
        assertThat(result.failure().message()).startsWith("connected, but no response");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void socketThatAcceptsAndNeverAnswersIsATimeoutAfterConnecting() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            OriginHttp result = probe.get(HOST, "/", silent.address(), silent.port(), false, Deadline.after(Duration.ofMillis(500)));

            assertThat(silent.awaitConnections(1, 5, TimeUnit.SECONDS)).isTrue();
            assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TIMEOUT);
        }
    }

    @Test
    void bodyShorterThanItsContentLengthIsABrokenReplyAtOnceKeepingTheStatus() {
        OriginHttp result = broken(RawReply.SHORT_BODY);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.complete()).isFalse();
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
        assertThat(result.failure().message()).startsWith("the body broke off");
    }

    @Test
    void connectionClosedInsideTheHeadersIsABrokenReply() {
        OriginHttp result = broken(RawReply.CLOSED_IN_HEADERS);

        assertThat(result.status()).isNull();
        assertThat(result.failure()).isEqualTo(new Failure(Failure.Kind.BROKEN_REPLY,
                "the connection closed before the response headers ended"));
    }

    @Test
    void emptyReplyIsABrokenReply() {
        OriginHttp result = broken(RawReply.EMPTY);

        assertThat(result.status()).isNull();
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
    }

    @Test
    void brokenChunkedEncodingIsABrokenReply() {
        OriginHttp result = broken(RawReply.BROKEN_CHUNKED);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
        assertThat(result.failure().message()).contains("0x7a"); // the bad chunk size starts with a "z"
    }

    @Test
    void tlsHandshakeThatStallsIsATlsTimeoutBeforeTheDeadline() {
        OriginHttpProbe shortHandshake = new OriginHttpProbe(TcpProbe.DEFAULT_CONNECT_CAP, new HandshakeTimeout(Duration.ofMillis(300)));
        try (SilentServer silent = SilentServer.start()) {
            // The deadline is 10 s away: a TIMEOUT or DEADLINE would mean the stall was taken for a silent server.
            OriginHttp result = shortHandshake.get(HOST, "/", silent.address(), silent.port(), true, deadline());

            assertThat(result.status()).isNull();
            assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TLS_TIMEOUT);
        }
    }

    @Test
    void closedPortIsRefused() {
        OriginHttp result = probe.get(HOST, "/", Loopback.ADDRESS, ClosedPort.find(), false, deadline());

        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(result.firstByteMs()).isNull();
    }

    @Test
    void httpsToAPlainHttpPortIsATlsFailure() {
        try (PlainHttpServer plain = PlainHttpServer.start(400)) {
            OriginHttp result = probe.get(HOST, "/", plain.address(), plain.port(), true, deadline());

            assertThat(result.status()).isNull();
            assertThat(result.failure().kind()).isEqualTo(Failure.Kind.TLS);
        }
    }

    @Test
    void expiredDeadlineIsNotTried() {
        OriginHttp result = probe.get(HOST, "/", Loopback.ADDRESS, origin.getPort(), false, Deadline.after(Duration.ZERO));

        assertThat(result.failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
        assertThat(origin.getRequestCount()).isZero();
    }

    /** A plain http GET of a server that answers {@code reply} and closes; the deadline is far away. */
    private OriginHttp broken(RawReply reply) {
        try (PlainHttpServer server = PlainHttpServer.replying(reply)) {
            return probe.get(HOST, "/", server.address(), server.port(), false, deadline());
        }
    }

    @Test
    void ipLiteralTargetIsSentWithItsOwnHostHeader() throws Exception {
        origin.enqueue(new MockResponse.Builder().code(204).build());

        OriginHttp result = probe.get("127.0.0.1", "/", Loopback.ADDRESS, origin.getPort(), false, deadline());

        assertThat(result.status()).isEqualTo(204);
        assertThat(origin.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Host")).isEqualTo("127.0.0.1:" + origin.getPort());
    }
}
