package dev.cfcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HeldCertificate;

/**
 * A real TLS server (JSSE {@link SSLServerSocket}) on a random 127.0.0.1 port, serving one certificate
 * chain, optionally restricted to some protocols or cipher suites, that answers every request after the
 * handshake with a minimal HTTP/1.1 response (or a {@link RawReply} that cannot be whole) and closes. It
 * records the SNI name of every completed handshake.
 *
 * <pre>{@code
 * HeldCertificate leaf = TestCertificates.expiredLeaf("origin.test");
 * try (TlsTestServer server = TlsTestServer.serving(leaf, TestCertificates.rootCa()).status(503).start()) {
 *     ... server.address(), server.port() ...
 *     assertThat(server.takeServerName(5, SECONDS)).isEqualTo("origin.test");
 * }
 * }</pre>
 *
 * For ordinary HTTPS with recorded requests, MockWebServer is simpler:
 * {@code server.useHttps(TestCertificates.serverCertificates(leaf, rootCa).sslSocketFactory())}.
 * Use this one for odd handshakes (restricted protocols or suites) or when the SNI must be checked
 * on connections that send no request.
 */
public final class TlsTestServer implements AutoCloseable {
    private static final int SO_TIMEOUT_MS = 5_000;
    private static final int MAX_REQUEST_HEAD = 16 * 1024;

    private final SSLServerSocket listener;
    private final byte[] response;
    private final BlockingQueue<String> serverNames = new LinkedBlockingQueue<>();

    private TlsTestServer(SSLServerSocket listener, byte[] response) {
        this.listener = listener;
        this.response = response;
        Thread acceptor = new Thread(this::acceptForever, "tls-test-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server for {@code leaf}, sending {@code intermediates} after it in the chain. */
    public static Builder serving(HeldCertificate leaf, HeldCertificate... intermediates) {
        return new Builder(leaf, intermediates);
    }

    public InetAddress address() {
        return Loopback.ADDRESS;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The SNI name of the next completed handshake ({@code ""} when the client sent none), or {@code null}
     * when no handshake completed in time.
     */
    public String takeServerName(long timeout, TimeUnit unit) throws InterruptedException {
        return serverNames.poll(timeout, unit);
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread handler = new Thread(() -> serve((SSLSocket) socket), "tls-test-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(SO_TIMEOUT_MS);
            socket.startHandshake();
            serverNames.add(sniOf(socket));
            if (!readRequestHead(socket.getInputStream())) {
                return; // the client only wanted the handshake
            }
            OutputStream out = socket.getOutputStream();
            out.write(response);
            out.flush();
        } catch (IOException e) {
            // A failed handshake is often the point of the test; the client side reports it.
        }
    }

    private static String sniOf(SSLSocket socket) {
        if (socket.getSession() instanceof ExtendedSSLSession session) {
            for (SNIServerName name : session.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return "";
    }

    /** Reads up to the blank line ending the request head; false when the client closed before sending one. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_REQUEST_HEAD) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return true;
            }
        }
        return true;
    }

    @Override
    public void close() {
        Closing.quietly(listener);
    }

    private static byte[] response(int status) {
        String body = "status " + status + "\n";
        return ("HTTP/1.1 " + status + " Test\r\n"
                + "Server: tls-test\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Options of a {@link TlsTestServer}; {@link #start()} binds it. */
    public static final class Builder {
        private final HeldCertificate leaf;
        private final HeldCertificate[] intermediates;
        private String[] protocols;
        private String[] cipherSuites;
        private int status = 200;
        private RawReply reply;

        private Builder(HeldCertificate leaf, HeldCertificate[] intermediates) {
            this.leaf = leaf;
            this.intermediates = intermediates.clone();
        }

        /** Only these protocols ("TLSv1.2", "TLSv1.3"); the JVM's disabled ones cannot be enabled here. */
        public Builder protocols(String... protocols) {
            this.protocols = protocols.clone();
            return this;
        }

        /** Only these cipher suites (standard names). */
        public Builder cipherSuites(String... cipherSuites) {
            this.cipherSuites = cipherSuites.clone();
            return this;
        }

        /** The HTTP status every request gets (default 200). */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Every request gets {@code reply} instead of a whole response, then the connection closes. */
        public Builder reply(RawReply reply) {
            this.reply = reply;
            return this;
        }

        public TlsTestServer start() {
            try {
                SSLServerSocket listener = (SSLServerSocket) TestCertificates.serverCertificates(leaf, intermediates)
                        .sslContext().getServerSocketFactory().createServerSocket(0, 50, Loopback.ADDRESS);
                if (protocols != null) {
                    listener.setEnabledProtocols(protocols);
                }
                if (cipherSuites != null) {
                    listener.setEnabledCipherSuites(cipherSuites);
                }
                return new TlsTestServer(listener, reply != null ? reply.bytes() : response(status));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
