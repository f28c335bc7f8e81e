package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.BrokenReply;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.NoDelaySocketFactory;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.TlsSockets;
import dev.cfcheck.site.IpLiteral;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A GET of the target path sent straight to one origin address, bypassing Cloudflare: the request
 * {@code curl --resolve HOST:PORT:IP https://HOST/PATH} makes. SNI and {@code Host} carry the real host
 * name; only the address is pinned. It tells an origin that answers (and with what) from one that accepts
 * the connection and then stays silent, which is how a 524 is inferred when the edge itself is silent.
 */
public final class OriginHttpProbe {
    /** Enough of the body to finish the exchange politely; the probe reads status and headers. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final OkHttpClient base;
    private final SSLSocketFactory acceptAnySocketFactory;
    private final X509TrustManager acceptAny;
    private final Duration connectCap;
    private final HandshakeTimeout handshakeTimeout;

    public OriginHttpProbe() {
        this(TcpProbe.DEFAULT_CONNECT_CAP, HandshakeTimeout.DEFAULT);
    }

    /**
     * @param connectCap       the longest the TCP connect may take, within whatever the deadline leaves
     * @param handshakeTimeout the longest the TLS handshake may take once connected (a stalled one is
     *                         {@code TLS_TIMEOUT}, and leaves time for plain http)
     */
    public OriginHttpProbe(Duration connectCap, HandshakeTimeout handshakeTimeout) {
        this.connectCap = connectCap;
        this.handshakeTimeout = handshakeTimeout;
        // Certificate validity is judged by the TLS probe, with reasons; here we want the origin's answer
        // even behind a self-signed or Origin CA certificate, as Cloudflare's Full mode gets it. This
        // trust-everything client is used for these requests to the origin and nothing else.
        this.acceptAny = new AcceptAnyCertificate();
        this.acceptAnySocketFactory = TlsSockets.trusting(acceptAny);
        this.base = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // a system proxy would answer for the origin (and resolve the name itself)
                .hostnameVerifier((hostname, session) -> true)
                // The JVM's protocols and suites, as the TLS probe offers them, not OkHttp's stricter list.
                .connectionSpecs(List.of(
                        new ConnectionSpec.Builder(true).allEnabledTlsVersions().allEnabledCipherSuites().build(),
                        ConnectionSpec.CLEARTEXT))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .socketFactory(NoDelaySocketFactory.INSTANCE) // first-byte times without Nagle's stalls
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)) // each probe gets a fresh connection
                .build();
    }

    /**
     * Sends {@code GET path} to {@code address:port} as {@code host}; never blocks past the deadline.
     *
     * @param https true for https (SNI = host), false for plain http
     */
    public OriginHttp get(String host, String path, InetAddress address, int port, boolean https, Deadline deadline) {
        String scheme = https ? "https" : "http";
        String shownUrl = scheme + "://" + bracketed(IpLiteral.format(address)) + ":" + port + path;
        if (deadline.expired()) {
            return failed(shownUrl, Failure.Kind.DEADLINE, "not tried: the check's deadline had passed");
        }
        boolean hostIsLiteral = IpLiteral.parse(host).isPresent();
        // A name goes in the URL (so SNI and Host carry it) and is pinned to the origin by the Dns below.
        // An IP literal is never looked up by OkHttp, so the origin address goes in the URL and Host is set.
        HttpUrl url = HttpUrl.parse(scheme + "://" + (hostIsLiteral ? bracketed(address.getHostAddress()) : host) + ":" + port + path);
        if (url == null) {
            return failed(shownUrl, Failure.Kind.OTHER, "the path cannot be sent in a URL");
        }
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", "cfcheck").header("Connection", "close");
        if (hostIsLiteral) {
            request.header("Host", port == (https ? 443 : 80) ? bracketed(host) : bracketed(host) + ":" + port);
        }
        Phases phases = new Phases();
        long remainingMs = Math.max(1, deadline.remaining().toMillis());
        int connectMs = (int) Math.max(1, deadline.capped(connectCap).toMillis());
        OkHttpClient client = base.newBuilder()
                .sslSocketFactory(handshakeTimeout.bound(acceptAnySocketFactory, deadline), acceptAny)
                .dns(pinned(url.host(), address))
                .eventListener(phases)
                .connectTimeout(connectMs, TimeUnit.MILLISECONDS)
                .readTimeout(remainingMs, TimeUnit.MILLISECONDS)
                .writeTimeout(remainingMs, TimeUnit.MILLISECONDS)
                .callTimeout(remainingMs, TimeUnit.MILLISECONDS) // the whole call, however the peer trickles
                .build();
        try (Response response = client.newCall(request.build()).execute()) {
            Long firstByteMs = phases.firstByteMs();
            Failure bodyFailure = null;
            try {
                response.peekBody(MAX_BODY_BYTES);
            } catch (IOException e) {
                // Headers came; the status is the finding. A body that cannot be whole (cut short, broken
                // chunks) is what Cloudflare shows as 520; a body still arriving at the deadline is not.
                if (!isTimeout(e)) {
                    bodyFailure = BrokenReply.inBody(e);
                }
            }
            return new OriginHttp(shownUrl, response.code(), OneLine.of(response.header("Server")), firstByteMs, bodyFailure);
        } catch (IOException e) {
            return new OriginHttp(shownUrl, null, null, null, classify(e, phases, deadline, remainingMs));
        }
    }

    private static OriginHttp failed(String url, Failure.Kind kind, String message) {
        return new OriginHttp(url, null, null, null, new Failure(kind, message));
    }

    /**
     * After a connection is up, any timeout is {@code TIMEOUT}: the origin accepted and stayed silent (524), and
     * a stream that ends before the headers do is {@code BROKEN_REPLY} (520). A timeout in the TLS handshake is
     * {@code TLS_TIMEOUT} (525). Before connecting, a timeout is the deadline ({@code DEADLINE}) or the connect
     * cap ({@code OTHER}), so that {@code TIMEOUT} never means "could not connect" here; the TCP probe reports
     * unanswered SYNs.
     */
    static Failure classify(IOException e, Phases phases, Deadline deadline, long waitedMs) {
        String message = OneLine.of(e);
        String lower = message.toLowerCase(Locale.ROOT);
        if (phases.connected()) {
            if (isTimeout(e)) {
                return new Failure(Failure.Kind.TIMEOUT, "connected, but no response within " + waitedMs + " ms");
            }
            if (BrokenReply.endedInHeaders(e)) {
                return BrokenReply.inHeaders();
            }
            if (e instanceof ProtocolException || lower.contains("status line") || lower.contains("protocol")) {
                return new Failure(Failure.Kind.PROTOCOL, "not a valid HTTP response: " + message);
            }
            if (e instanceof EOFException || e instanceof SocketException || lower.contains("unexpected end of stream")
                    || lower.contains("reset") || lower.contains("closed")) {
                return new Failure(Failure.Kind.RESET, "connected, but the connection closed before a response: " + message);
            }
            return new Failure(Failure.Kind.OTHER, message);
        }
        if (phases.tlsStarted()) {
            return isTimeout(e) ? HandshakeTimeout.stalled(phases.handshakeWaitedMs())
                    : new Failure(Failure.Kind.TLS, "TLS handshake failed: " + message);
        }
        if (deadline.expired()) {
            return new Failure(Failure.Kind.DEADLINE, "the check's deadline came before a connection was made");
        }
        if (e instanceof NoRouteToHostException || lower.contains("unreachable") || lower.contains("no route")) {
            return new Failure(Failure.Kind.UNREACHABLE, message);
        }
        if (e instanceof ConnectException || lower.contains("refused")) {
            return new Failure(Failure.Kind.REFUSED, message);
        }
        if (isTimeout(e)) {
            return new Failure(Failure.Kind.OTHER, "connect timed out: " + message);
        }
        if (e instanceof SSLException) {
            return new Failure(Failure.Kind.TLS, "TLS handshake failed: " + message);
        }
        return new Failure(Failure.Kind.OTHER, message);
    }

    private static boolean isTimeout(IOException e) {
        // SocketTimeoutException for the socket timeouts; InterruptedIOException("timeout") for the call timeout.
        return e instanceof InterruptedIOException;
    }

    private static Dns pinned(String host, InetAddress address) {
        return hostname -> {
            if (hostname.equalsIgnoreCase(host)) {
                return List.of(address);
            }
            throw new UnknownHostException("only " + host + " is resolved by this probe");
        };
    }

    private static String bracketed(String ip) {
        return ip.indexOf(':') >= 0 && !ip.startsWith("[") ? "[" + ip + "]" : ip;
    }

    /** Accepts any server certificate; see the constructor for why, and TlsProbe for the real judgement. */
    private static final class AcceptAnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            // This manager only ever judges servers; no client presents a certificate to the probe.
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted on purpose
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** What stage one call reached, for telling "never connected" from "connected, then silent". */
    static final class Phases extends EventListener {
        private volatile long callStartNanos;
        private volatile long tlsStartNanos;
        private volatile boolean connected;
        private volatile long firstByteNanos;

        @Override
        public void callStart(Call call) {
            callStartNanos = System.nanoTime();
        }

        @Override
        public void secureConnectStart(Call call) {
            tlsStartNanos = System.nanoTime();
        }

        @Override
        public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
            connected = true;
        }

        @Override
        public void responseHeadersStart(Call call) {
            firstByteNanos = System.nanoTime();
        }

        /** TCP (and TLS, for https) is up: a silence from here on is the origin's. */
        boolean connected() {
            return connected;
        }

        boolean tlsStarted() {
            return tlsStartNanos != 0 && !connected;
        }

        long handshakeWaitedMs() {
            return Duration.ofNanos(System.nanoTime() - tlsStartNanos).toMillis();
        }

        Long firstByteMs() {
            return firstByteNanos == 0 ? null : Duration.ofNanos(firstByteNanos - callStartNanos).toMillis();
        }
    }
}
