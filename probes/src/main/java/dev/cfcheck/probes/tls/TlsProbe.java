package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.origin.TcpProbe;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.OriginEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * A TLS handshake with one origin address, SNI set to the target host, as Cloudflare makes it in Full and
 * Full (strict) mode. The handshake accepts any certificate; the chain is then judged on its own: trusted
 * (JVM trust store plus --ca-file), hostname match, self-signed, issued by Cloudflare's Origin CA, days
 * left. When the handshake fails, the reason is named where it can be told (Cloudflare's 525).
 */
public final class TlsProbe {
    /** The TLS port probed when the origin endpoint names none. */
    public static final int DEFAULT_PORT = 443;

    private final TrustMaterial trust;
    private final Duration connectCap;
    private final HandshakeTimeout handshakeTimeout;

    public TlsProbe(TrustMaterial trust) {
        this(trust, TcpProbe.DEFAULT_CONNECT_CAP, HandshakeTimeout.DEFAULT);
    }

    /**
     * @param connectCap       the longest the TCP connect may take, within whatever the deadline leaves
     * @param handshakeTimeout the longest the handshake may take once connected: a stalled one is reported
     *                         then ({@link TlsFailure#TIMEOUT}), inside the deadline
     */
    public TlsProbe(TrustMaterial trust, Duration connectCap, HandshakeTimeout handshakeTimeout) {
        this.trust = trust;
        this.connectCap = connectCap;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Handshakes with the endpoint's explicit port, or 443. (An explicit port 80 is handshaken too, and
     * will most likely report {@link TlsFailure#PLAIN_HTTP}; callers skip TLS there.)
     */
    public TlsResult run(String host, OriginEndpoint endpoint, Deadline deadline) {
        return run(host, endpoint.address(), endpoint.port() == null ? DEFAULT_PORT : endpoint.port(), deadline);
    }

    /** Handshakes with {@code address:port} presenting {@code host} as SNI; never blocks past the deadline. */
    public TlsResult run(String host, InetAddress address, int port, Deadline deadline) {
        Attempt attempt = new Attempt(host, address, port);
        if (deadline.expired()) {
            return attempt.failed(TlsFailure.TIMEOUT, "not tried: the check's deadline had passed", null);
        }
        FirstBytesSocket raw = new FirstBytesSocket();
        // The guard closes the socket at the deadline, so neither the connect nor a trickling handshake outlives it.
        try (raw; DeadlineGuard guard = DeadlineGuard.closeAt(raw, deadline)) {
            int connectTimeoutMs = (int) Math.max(1, deadline.capped(connectCap).toMillis());
            try {
                raw.setTcpNoDelay(true); // handshake time without Nagle's delayed-ACK stalls (see NoDelaySocketFactory)
                raw.connect(new InetSocketAddress(address, port), connectTimeoutMs);
            } catch (SocketTimeoutException e) {
                return attempt.failed(TlsFailure.CONNECT_FAILED, "TCP connect: no answer within " + connectTimeoutMs + " ms", null);
            } catch (IOException e) {
                return attempt.failed(TlsFailure.CONNECT_FAILED,
                        guard.fired() ? "TCP connect: the check's deadline came first" : "TCP connect: " + OneLine.of(e), null);
            }
            return attempt.handshake(raw, guard, deadline);
        } catch (IOException | GeneralSecurityException e) {
            return attempt.failed(TlsFailure.OTHER, OneLine.of(e), null);
        }
    }

    /** One handshake's inputs and the result it builds. */
    private final class Attempt {
        private final String host;
        private final String ip;
        private final int port;
        private final String serverName;

        Attempt(String host, InetAddress address, int port) {
            this.host = host;
            this.ip = IpLiteral.format(address);
            this.port = port;
            this.serverName = sniFor(host);
        }

        TlsResult handshake(FirstBytesSocket raw, DeadlineGuard guard, Deadline deadline) throws IOException, GeneralSecurityException {
            ChainCapture capture = new ChainCapture();
            SSLSocket tls = (SSLSocket) capture.socketFactory().createSocket(raw, serverName != null ? serverName : ip, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
            parameters.setEndpointIdentificationAlgorithm(null); // the hostname is judged separately, after the handshake
            tls.setSSLParameters(parameters);
            int readTimeoutMs = handshakeTimeout.millisWithin(deadline);
            tls.setSoTimeout(readTimeoutMs);
            long start = System.nanoTime();
            try {
                tls.startHandshake();
            } catch (IOException e) {
                HandshakeFailure why = HandshakeFailure.of(e, raw.firstBytes(), guard.fired(), readTimeoutMs);
                return failed(why.failure(), why.detail(), capture);
            }
            long handshakeMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            SSLSession session = tls.getSession();
            TlsResult result = judged(true, session.getProtocol(), session.getCipherSuite(), handshakeMs, capture, null, null);
            closePolitely(tls, deadline);
            return result;
        }

        TlsResult failed(TlsFailure failure, String detail, ChainCapture capture) {
            return judged(false, null, null, null, capture, failure, detail);
        }

        private TlsResult judged(boolean ok, String protocol, String cipher, Long handshakeMs, ChainCapture capture,
                                 TlsFailure failure, String detail) {
            List<X509Certificate> chain = capture == null ? List.of() : capture.chain();
            Instant now = Instant.now();
            List<CertificateInfo> infos = chain.stream().map(c -> CertificateInfo.of(c, now)).toList();
            if (chain.isEmpty()) {
                return new TlsResult(ip, port, serverName, ok, protocol, cipher, handshakeMs, infos,
                        null, null, false, false, null, failure, detail);
            }
            X509Certificate leaf = chain.get(0);
            CertificateInfo leafInfo = infos.get(0);
            return new TlsResult(ip, port, serverName, ok, protocol, cipher, handshakeMs, infos,
                    OkHostnameVerifier.INSTANCE.verify(host, leaf),
                    trusted(chain, capture.authType()),
                    leafInfo.selfSigned(),
                    CloudflareOriginCa.issued(leaf),
                    leafInfo.daysLeft(),
                    failure, detail);
        }
    }

    private boolean trusted(List<X509Certificate> chain, String authType) {
        try {
            trust.trustManager().checkServerTrusted(chain.toArray(new X509Certificate[0]), authType == null ? "UNKNOWN" : authType);
            return true;
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Sends close_notify, but gives it at most a second: the result is already known. */
    private static void closePolitely(SSLSocket tls, Deadline deadline) {
        try {
            tls.setSoTimeout((int) Math.max(1, deadline.capped(Duration.ofSeconds(1)).toMillis()));
            tls.close();
        } catch (IOException ignored) {
            // The raw socket is closed by the caller either way.
        }
    }

    /** The SNI name to send: the host, unless it is an IP literal or a name SNI cannot carry. */
    private static String sniFor(String host) {
        if (host == null || host.isEmpty() || IpLiteral.parse(host).isPresent()) {
            return null;
        }
        try {
            return new SNIHostName(host).getAsciiName();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
