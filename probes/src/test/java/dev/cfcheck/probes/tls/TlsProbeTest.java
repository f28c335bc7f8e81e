package dev.cfcheck.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.Tls10OnlyServer;
import dev.cfcheck.testing.TlsTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TlsProbeTest {
    private static final String HOST = "origin.test";

    @TempDir
    Path dir;

    private TlsProbe probe;

    @BeforeEach
    void trustTheTestCa() {
        probe = new TlsProbe(TrustMaterial.withExtraCas(TestCertificates.writeRootCaPem(dir)));
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void validCertificateFromExtraCaIsTrustedAndMatches() throws Exception {
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.leaf(HOST), TestCertificates.rootCa()).start()) {
            TlsResult tls = probe.run(HOST, new OriginEndpoint(server.address(), server.port()), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.failure()).isNull();
            assertThat(tls.address()).isEqualTo("127.0.0.1");
            assertThat(tls.port()).isEqualTo(server.port());
            assertThat(tls.serverName()).isEqualTo(HOST);
            assertThat(tls.protocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(tls.cipher()).startsWith("TLS_");
            assertThat(tls.handshakeMs()).isNotNull();
            assertThat(tls.chain()).hasSize(2);
            assertThat(tls.chain().get(0).subjectAltNames()).contains(HOST);
            assertThat(tls.trusted()).isTrue();
            assertThat(tls.hostnameMatches()).isTrue();
            assertThat(tls.selfSigned()).isFalse();
            assertThat(tls.cloudflareOriginCa()).isFalse();
            assertThat(tls.daysLeft()).isBetween(88L, 90L);
            assertThat(tls.expired()).isFalse();
            assertThat(server.takeServerName(5, TimeUnit.SECONDS)).isEqualTo(HOST);
        }
    }

    @Test
    void privateCaIsUntrustedWithoutCaFile() {
        TlsProbe jvmOnly = new TlsProbe(TrustMaterial.jvmDefault());
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.leaf(HOST), TestCertificates.rootCa()).start()) {
            TlsResult tls = jvmOnly.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.trusted()).isFalse();
            assertThat(tls.hostnameMatches()).isTrue();
        }
    }

    @Test
    void expiredCertificateIsReportedWithNegativeDaysLeft() {
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.expiredLeaf(HOST), TestCertificates.rootCa()).start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.expired()).isTrue();
            assertThat(tls.daysLeft()).isEqualTo(-1L);
            assertThat(tls.trusted()).isFalse();
            assertThat(tls.hostnameMatches()).isTrue();
        }
    }

    @Test
    void selfSignedCertificateIsRecognisedAndUntrusted() {
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.selfSignedLeaf(HOST)).start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.selfSigned()).isTrue();
            assertThat(tls.chain()).hasSize(1);
            assertThat(tls.chain().get(0).selfSigned()).isTrue();
            assertThat(tls.trusted()).isFalse();
            assertThat(tls.hostnameMatches()).isTrue();
        }
    }

    @Test
    void certificateForAnotherHostDoesNotMatch() {
        HeldCertificate other = TestCertificates.wrongHostLeaf("other.test");
        try (TlsTestServer server = TlsTestServer.serving(other, TestCertificates.rootCa()).start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.hostnameMatches()).isFalse();
            assertThat(tls.trusted()).isTrue(); // the chain is fine; only the name is wrong
            assertThat(tls.chain().get(0).subjectAltNames()).containsExactly("other.test");
        }
    }

    @Test
    void cloudflareOriginCaCertificateIsRecognisedByIssuer() {
        HeldCertificate leaf = TestCertificates.cloudflareOriginLeaf(HOST);
        try (TlsTestServer server = TlsTestServer.serving(leaf).start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isTrue();
            assertThat(tls.cloudflareOriginCa()).isTrue();
            assertThat(tls.trusted()).isFalse(); // browsers and the JVM do not trust the Origin CA
            assertThat(tls.selfSigned()).isFalse();
            assertThat(tls.chain().get(0).issuer()).contains(TestCertificates.CLOUDFLARE_ORIGIN_CA_NAME);
        }
    }

    @Test
    void certificateExpiringSoonReportsDaysLeft() {
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.leafExpiringInDays(HOST, 5), TestCertificates.rootCa()).start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.daysLeft()).isEqualTo(5L);
            assertThat(tls.expired()).isFalse();
            assertThat(tls.trusted()).isTrue();
        }
    }

    @Test
    void plainHttpOnTheTlsPortIsNamed() {
        try (PlainHttpServer plain = PlainHttpServer.start(400)) {
            TlsResult tls = probe.run(HOST, plain.address(), plain.port(), deadline());

            assertThat(tls.handshakeOk()).isFalse();
            assertThat(tls.failure()).isEqualTo(TlsFailure.PLAIN_HTTP);
            assertThat(tls.failureDetail()).contains("HTTP/1.1 400");
            assertThat(tls.chain()).isEmpty();
            assertThat(tls.trusted()).isNull();
            assertThat(tls.hostnameMatches()).isNull();
        }
    }

    @Test
    void serverOnlySpeakingTls10IsAProtocolVersionFailure() {
        try (Tls10OnlyServer old = Tls10OnlyServer.start()) {
            TlsResult tls = probe.run(HOST, old.address(), old.port(), deadline());

            assertThat(tls.handshakeOk()).isFalse();
            assertThat(tls.failure()).isEqualTo(TlsFailure.PROTOCOL_VERSION);
            assertThat(tls.failureDetail()).contains("TLS10");
        }
    }

    @Test
    void serverWithNoUsableCipherSuiteIsANoSharedCipherFailure() {
        // An ECDSA certificate but only RSA-authenticated suites enabled: the server has nothing it can offer.
        try (TlsTestServer server = TlsTestServer.serving(TestCertificates.leaf(HOST), TestCertificates.rootCa())
                .protocols("TLSv1.2")
                .cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .start()) {
            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.handshakeOk()).isFalse();
            assertThat(tls.failure()).isEqualTo(TlsFailure.NO_SHARED_CIPHER);
            assertThat(tls.failureDetail()).contains("cipher");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards against the handshake outliving its deadline
    void silentServerTimesOutAtTheDeadline() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            TlsResult tls = probe.run(HOST, silent.address(), silent.port(), Deadline.after(Duration.ofMillis(500)));

            assertThat(silent.awaitConnections(1, 5, TimeUnit.SECONDS)).isTrue();
            assertThat(tls.handshakeOk()).isFalse();
            assertThat(tls.failure()).isEqualTo(TlsFailure.TIMEOUT);
            assertThat(tls.chain()).isEmpty();
        }
    }

    @Test
    void handshakeThatStallsIsNamedAtTheHandshakeTimeoutNotAtTheDeadline() throws Exception {
        TlsProbe shortHandshake = new TlsProbe(TrustMaterial.withExtraCas(TestCertificates.writeRootCaPem(dir)),
                Duration.ofSeconds(5), new HandshakeTimeout(Duration.ofMillis(300)));
        try (SilentServer silent = SilentServer.start()) {
            TlsResult tls = shortHandshake.run(HOST, silent.address(), silent.port(), deadline());

            assertThat(tls.handshakeOk()).isFalse();
            assertThat(tls.failure()).isEqualTo(TlsFailure.TIMEOUT);
            // Not "the handshake had not finished when the check's deadline came": the deadline is 10 s away.
            assertThat(tls.failureDetail()).isEqualTo(HandshakeTimeout.stalled(300).message());
        }
    }

    @Test
    void serverClosingDuringTheHandshakeIsConnectionClosed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            Thread closer = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    socket.getInputStream().read(new byte[512]); // the ClientHello arrives; hang up on it
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            closer.start();

            TlsResult tls = probe.run(HOST, Loopback.ADDRESS, listener.getLocalPort(), deadline());

            closer.join();
            assertThat(tls.failure()).isEqualTo(TlsFailure.CONNECTION_CLOSED);
        }
    }

    @Test
    void closedPortIsAConnectFailure() {
        TlsResult tls = probe.run(HOST, Loopback.ADDRESS, ClosedPort.find(), deadline());

        assertThat(tls.handshakeOk()).isFalse();
        assertThat(tls.failure()).isEqualTo(TlsFailure.CONNECT_FAILED);
        assertThat(tls.failureDetail()).containsIgnoringCase("refused");
    }

    @Test
    void ipLiteralHostSendsNoSni() throws Exception {
        HeldCertificate leaf = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1").signedBy(TestCertificates.rootCa()).build();
        try (TlsTestServer server = TlsTestServer.serving(leaf, TestCertificates.rootCa()).start()) {
            TlsResult tls = probe.run("127.0.0.1", Loopback.ADDRESS, server.port(), deadline());

            assertThat(tls.serverName()).isNull();
            assertThat(tls.hostnameMatches()).isTrue();
            assertThat(server.takeServerName(5, TimeUnit.SECONDS)).isEmpty();
        }
    }
}
