package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.Failure.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * The exception shapes OkHttp produces for faults that loopback cannot stage (no route, a timeout before the
 * deadline); the ones it can stage are driven through real sockets in {@link EdgeProbeTest}.
 */
class FailureClassifierTest {

    private static final Deadline LATER = Deadline.after(Duration.ofMinutes(5));
    private static final Deadline PASSED = Deadline.after(Duration.ZERO);

    @Test
    void noRouteWrappedByOkHttpIsUnreachable() {
        IOException e = new ConnectException("Failed to connect to /192.0.2.1:443");
        e.initCause(new NoRouteToHostException("No route to host"));

        assertThat(FailureClassifier.classify(e, LATER))
                .isEqualTo(new Failure(Kind.UNREACHABLE, "network or host unreachable"));
    }

    @Test
    void networkUnreachableConnectIsUnreachable() {
        assertThat(FailureClassifier.classify(new ConnectException("Network is unreachable (connect failed)"), LATER).kind())
                .isEqualTo(Kind.UNREACHABLE);
    }

    @Test
    void socketTimeoutBeforeTheDeadlineIsTimeoutAndAtItIsDeadline() {
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out"), LATER).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out"), PASSED).kind())
                .isEqualTo(Kind.DEADLINE);
    }

    @Test
    void okHttpCallTimeoutIsTheDeadline() {
        InterruptedIOException e = new InterruptedIOException("timeout");
        e.initCause(new SocketException("Socket closed"));

        assertThat(FailureClassifier.classify(e, LATER))
                .isEqualTo(new Failure(Kind.DEADLINE, "no answer before the check's deadline"));
    }

    @Test
    void peerResetIsNamedAsSuch() {
        IOException e = new IOException("unexpected end of stream on http://shop.example.test/...");
        e.initCause(new SocketException("Connection reset"));

        assertThat(FailureClassifier.classify(e, LATER))
                .isEqualTo(new Failure(Kind.RESET, "connection reset by the peer"));
    }

    @Test
    void connectionClosedInsideTheHeadersIsABrokenReplyWithoutOkHttpInternals() {
        IOException e = new IOException("unexpected end of stream on http://shop.example.test/...");
        e.initCause(new EOFException("\\n not found: limit=0 content=…"));

        assertThat(FailureClassifier.classify(e, LATER))
                .isEqualTo(new Failure(Kind.BROKEN_REPLY, "the connection closed before the response headers ended"));
    }

    @Test
    void bodyThatBreaksOffIsABrokenReplyAndOneStillArrivingIsNot() {
        assertThat(FailureClassifier.classifyBody(new ProtocolException("unexpected end of stream"), LATER))
                .isEqualTo(new Failure(Kind.BROKEN_REPLY, "the body broke off: unexpected end of stream"));
        assertThat(FailureClassifier.classifyBody(new SocketException("Connection reset"), LATER).kind())
                .isEqualTo(Kind.BROKEN_REPLY);
        assertThat(FailureClassifier.classifyBody(new SocketTimeoutException("Read timed out"), LATER).kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(FailureClassifier.classifyBody(new SocketTimeoutException("Read timed out"), PASSED).kind())
                .isEqualTo(Kind.DEADLINE);
    }

    @Test
    void socketTimeoutInsideTheHandshakeIsAStalledHandshakeEvenNearTheDeadline() {
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out"), LATER, 300L))
                .isEqualTo(new Failure(Kind.TLS_TIMEOUT, "not finished 300 ms after connecting"));
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out"), PASSED, 300L).kind())
                .isEqualTo(Kind.TLS_TIMEOUT);
        // OkHttp's call timeout is the deadline, handshake or not.
        assertThat(FailureClassifier.classify(new InterruptedIOException("timeout"), LATER, 300L).kind())
                .isEqualTo(Kind.DEADLINE);
    }

    @Test
    void hostnameMismatchKeepsOnlyItsFirstClause() {
        SSLPeerUnverifiedException e = new SSLPeerUnverifiedException("Hostname shop.example.test not verified:\n"
                + "    certificate: sha256/AAAA\n    DN: CN=other\n    subjectAltNames: [other.example.test]");

        assertThat(FailureClassifier.classify(e, LATER))
                .isEqualTo(new Failure(Kind.TLS, "TLS handshake failed: Hostname shop.example.test not verified"));
    }

    @Test
    void controlCharactersFromTheNetworkAreDropped() {
        Failure f = FailureClassifier.classify(new java.net.ProtocolException("Unexpected status line: \u001b[31mHI\r\nX"), LATER);

        assertThat(f.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(f.message()).isEqualTo("not a valid HTTP response: Unexpected status line: [31mHI X");
    }
}
