package dev.cfcheck.probes.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.TlsTestServer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OriginProbeTest {
    private static final String HOST = "origin.test";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    /** 443 and 80 played by two loopback ports. */
    private OriginProbe probeWithDefaultPorts(int httpsPort, int httpPort) {
        return new OriginProbe(executor, new TcpProbe(), new OriginHttpProbe(), httpsPort, httpPort);
    }

    @Test
    void bothPortsOpenUsesHttpsOn443() throws Exception {
        try (TlsTestServer https = TlsTestServer.serving(TestCertificates.leaf(HOST), TestCertificates.rootCa()).status(200).start();
             PlainHttpServer http = PlainHttpServer.start(301)) {
            OriginResult result = probeWithDefaultPorts(https.port(), http.port())
                    .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, null), deadline());

            assertThat(result.address()).isEqualTo("127.0.0.1");
            assertThat(result.ports()).extracting(PortCheck::port).containsExactly(https.port(), http.port());
            assertThat(result.ports()).extracting(PortCheck::state).containsOnly(TcpState.CONNECTED);
            assertThat(result.http().url()).startsWith("https://127.0.0.1:" + https.port());
            assertThat(result.http().status()).isEqualTo(200);
            assertThat(result.http().server()).isEqualTo("tls-test");
        }
    }

    @Test
    void plainHttpOn443FallsBackToHttpOn80() throws Exception {
        try (PlainHttpServer notTls = PlainHttpServer.start(400); MockWebServer http = new MockWebServer()) {
            http.start(Loopback.ADDRESS, 0);
            http.enqueue(new MockResponse.Builder().code(200).build());

            OriginResult result = probeWithDefaultPorts(notTls.port(), http.getPort())
                    .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, null), deadline());

            assertThat(result.port(notTls.port()).state()).isEqualTo(TcpState.CONNECTED);
            assertThat(result.http().url()).startsWith("http://127.0.0.1:" + http.getPort());
            assertThat(result.http().status()).isEqualTo(200);
            assertThat(http.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Host")).isEqualTo(HOST + ":" + http.getPort());
        }
    }

    @Test
    void closed443WithOpen80UsesHttp() throws Exception {
        int closed = ClosedPort.find();
        try (MockWebServer http = new MockWebServer()) {
            http.start(Loopback.ADDRESS, 0);
            http.enqueue(new MockResponse.Builder().code(502).build());

            OriginResult result = probeWithDefaultPorts(closed, http.getPort())
                    .run(HOST, "/api", new OriginEndpoint(Loopback.ADDRESS, null), deadline());

            assertThat(result.port(closed).state()).isEqualTo(TcpState.REFUSED);
            assertThat(result.port(http.getPort()).state()).isEqualTo(TcpState.CONNECTED);
            assertThat(result.http().status()).isEqualTo(502);
        }
    }

    @Test
    void bothPortsRefusedLeavesNoHttpResult() {
        int closedHttps = ClosedPort.find();
        int closedHttp = ClosedPort.find();

        OriginResult result = probeWithDefaultPorts(closedHttps, closedHttp)
                .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, null), deadline());

        assertThat(result.ports()).extracting(PortCheck::state).containsExactly(TcpState.REFUSED, TcpState.REFUSED);
        assertThat(result.http()).isNull();
    }

    @Test
    void explicitPortIsTheOnlyPortProbed() throws Exception {
        try (MockWebServer https = new MockWebServer()) {
            https.useHttps(TestCertificates.serverCertificates(TestCertificates.leaf(HOST), TestCertificates.rootCa()).sslSocketFactory());
            https.start(Loopback.ADDRESS, 0);
            https.enqueue(new MockResponse.Builder().code(200).build());

            OriginResult result = new OriginProbe(executor)
                    .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, https.getPort()), deadline());

            assertThat(result.ports()).extracting(PortCheck::port).containsExactly(https.getPort());
            assertThat(result.http().url()).startsWith("https://");
            assertThat(result.http().status()).isEqualTo(200);
        }
    }

    @Test
    void explicitPlainHttpPortIsAnsweredOverHttpAfterTlsFails() {
        try (PlainHttpServer http = PlainHttpServer.start(404)) { // answers the ClientHello with 400-style garbage at once, like nginx
            OriginResult result = new OriginProbe(executor)
                    .run(HOST, "/missing", new OriginEndpoint(Loopback.ADDRESS, http.port()), deadline());

            assertThat(result.http().url()).startsWith("http://");
            assertThat(result.http().status()).isEqualTo(404);
        }
    }

    @Test
    void plainHttpPortSilentOnTheClientHelloIsStillAnsweredOverHttp() throws Exception {
        // MockWebServer waits for a request line that a ClientHello never completes: the https attempt
        // must give up after the handshake cap, not at the deadline, to leave time for plain http.
        try (MockWebServer http = new MockWebServer()) {
            http.start(Loopback.ADDRESS, 0);
            http.enqueue(new MockResponse.Builder().code(200).build());
            http.enqueue(new MockResponse.Builder().code(200).build());
            OriginProbe probe = new OriginProbe(executor, new TcpProbe(),
                    new OriginHttpProbe(TcpProbe.DEFAULT_CONNECT_CAP, new HandshakeTimeout(Duration.ofMillis(300))));

            OriginResult result = probe.run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, http.getPort()), deadline());

            assertThat(result.http().url()).startsWith("http://");
            assertThat(result.http().status()).isEqualTo(200);
        }
    }

    @Test
    void explicitClosedPortIsRefused() {
        int closed = ClosedPort.find();

        OriginResult result = new OriginProbe(executor).run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, closed), deadline());

        assertThat(result.ports()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(TcpState.REFUSED));
        assertThat(result.http()).isNull();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards against the probe outliving its deadline
    void originWhoseTlsPortNeverAnswersIsATlsTimeout() throws Exception {
        try (SilentServer silentTls = SilentServer.start(); SilentServer silentHttp = SilentServer.start()) {
            OriginResult result = probeWithDefaultPorts(silentTls.port(), silentHttp.port())
                    .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, null), Deadline.after(Duration.ofMillis(800)));

            assertThat(result.ports()).extracting(PortCheck::state).containsOnly(TcpState.CONNECTED);
            // The https attempt waits in the TLS handshake until the deadline (shorter than the handshake timeout
            // here), and is still named a stalled handshake; the TLS probe names it too.
            assertThat(result.http().status()).isNull();
            assertThat(result.http().failure().kind()).isEqualTo(Failure.Kind.TLS_TIMEOUT);
            assertThat(result.http().failure().message()).endsWith("after connecting");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void plainHttpOriginThatNeverAnswersIsTheResponseTimeoutSignal() throws Exception {
        try (SilentServer silentHttp = SilentServer.start()) {
            OriginResult result = probeWithDefaultPorts(ClosedPort.find(), silentHttp.port())
                    .run(HOST, "/", new OriginEndpoint(Loopback.ADDRESS, null), Deadline.after(Duration.ofMillis(800)));

            assertThat(result.port(silentHttp.port()).state()).isEqualTo(TcpState.CONNECTED);
            assertThat(result.http().failure().kind()).isEqualTo(Failure.Kind.TIMEOUT);
        }
    }
}
