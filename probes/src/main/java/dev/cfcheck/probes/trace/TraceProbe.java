package dev.cfcheck.probes.trace;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.NoDelaySocketFactory;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.TlsSockets;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.ApprovedAddresses;
import dev.cfcheck.probes.edge.BoundedBody;
import dev.cfcheck.probes.edge.Colos;
import dev.cfcheck.probes.edge.FailureClassifier;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.Target;
import dev.cfcheck.site.UnsafeAddressException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks Cloudflare's edge for {@code /cdn-cgi/trace} on the target host: which data centre answers, and the
 * HTTP and TLS versions and WARP/Gateway state it sees. Runs only when DNS says the host is on Cloudflare, and
 * connects only to the Cloudflare addresses DNS gave for it (pinned, checked against the check's safe-target
 * policy like the edge probe's), on the scheme and port the edge probe uses. No redirect is followed, nothing
 * is retried, at most {@link #MAX_BYTES} of the body is read, and the whole call ends by the check's deadline.
 */
public final class TraceProbe implements Probe<TraceResult> {

    /** The report's {@code probes.trace}. */
    public static final ProbeKey<TraceResult> KEY = new ProbeKey<>("trace", new TraceDescriber());

    /** A trace is a few hundred bytes: anything longer is not one, and is not read past this. */
    static final long MAX_BYTES = 8 * 1024;

    static final String PATH = "/cdn-cgi/trace";
    /** The edge probe's User-Agent: one client, as the site's logs and rules see it. */
    static final String USER_AGENT = "cfcheck/0.1 (+diagnostic)";

    private final OkHttpClient base;
    private final SSLSocketFactory tlsSockets;
    private final X509TrustManager trustManager;
    private final HandshakeTimeout handshakeTimeout;
    private final Colos colos = Colos.bundled();

    /** @param trustManager trusted CAs for https to the edge (as the edge probe's) */
    public TraceProbe(X509TrustManager trustManager) {
        this(trustManager, HandshakeTimeout.DEFAULT);
    }

    /** @param handshakeTimeout how long a TLS handshake with the edge may take once connected (as the edge probe's) */
    public TraceProbe(X509TrustManager trustManager, HandshakeTimeout handshakeTimeout) {
        this.tlsSockets = TlsSockets.trusting(trustManager);
        this.trustManager = trustManager;
        this.handshakeTimeout = handshakeTimeout;
        this.base = baseClient(tlsSockets, trustManager);
    }

    @Override
    public ProbeKey<TraceResult> key() {
        return KEY;
    }

    @Override
    public ProbeOutcome<TraceResult> run(ProbeContext context) {
        List<InetAddress> edge = cloudflareAddresses(context);
        if (edge.isEmpty()) {
            return ProbeOutcome.notRun(); // not on Cloudflare (or not resolved): there is no edge to ask
        }
        return ProbeOutcome.of(fetch(url(context.target()), edge, context.policy(), context.deadline()));
    }

    /** The addresses DNS gave that it also found in Cloudflare's ranges; never any other address. */
    private static List<InetAddress> cloudflareAddresses(ProbeContext context) {
        DnsResult dns = context.earlier().get(DnsProbe.KEY);
        if (dns == null || !dns.proxied()) {
            return List.of();
        }
        return context.addresses().stream()
                .filter(a -> dns.cloudflareAddresses().contains(IpLiteral.format(a)))
                .toList();
    }

    private TraceResult fetch(HttpUrl url, List<InetAddress> addresses, AddressPolicy policy, Deadline deadline) {
        if (deadline.expired()) {
            return failed(url, null, new Failure(Failure.Kind.DEADLINE, "no answer before the check's deadline"));
        }
        ApprovedAddresses approved = new ApprovedAddresses(url.host(), addresses, (host, d) -> {
            throw new UnknownHostException("the trace asks no other host: " + host); // no redirects are followed
        }, policy);
        try {
            approved.approve(url.host(), deadline);
        } catch (UnsafeAddressException e) {
            return failed(url, null, new Failure(Failure.Kind.UNSAFE_ADDRESS, OneLine.of(e.getMessage())));
        } catch (UnknownHostException e) {
            return failed(url, null, new Failure(Failure.Kind.DNS, OneLine.of(e.getMessage())));
        }
        // A pool of its own, emptied at the end: no connection is shared with another check or outlives this one.
        ConnectionPool pool = new ConnectionPool(1, 1, TimeUnit.SECONDS);
        AtomicReference<String> connectedTo = new AtomicReference<>();
        Duration left = Duration.ofMillis(deadline.remainingMillisForSocket()); // never 0, OkHttp's "no timeout"
        OkHttpClient client = base.newBuilder()
                .dns(approved)
                .connectionPool(pool)
                .addNetworkInterceptor(chain -> {
                    connectedTo.set(IpLiteral.format(chain.connection().route().socketAddress().getAddress()));
                    return chain.proceed(chain.request());
                })
                .sslSocketFactory(handshakeTimeout.bound(tlsSockets, deadline), trustManager)
                .connectTimeout(left)
                .readTimeout(left)
                .writeTimeout(left)
                .build();
        Request request = new Request.Builder().url(url).header("User-Agent", USER_AGENT).build();
        Call call = client.newCall(request);
        call.timeout().timeout(deadline.remainingMillisForSocket(), TimeUnit.MILLISECONDS); // body included
        try (Response response = call.execute()) {
            String body;
            try {
                body = BoundedBody.read(response.body(), MAX_BYTES);
            } catch (IOException e) {
                return failed(url, connectedTo.get(), FailureClassifier.classifyBody(e, deadline)); // as the edge's
            }
            return answered(url, connectedTo.get(), response.code(), body);
        } catch (IOException e) {
            return failed(url, connectedTo.get(), FailureClassifier.classify(e, deadline));
        } finally {
            pool.evictAll();
        }
    }

    private TraceResult answered(HttpUrl url, String address, int status, String body) {
        TraceBody trace = status == 200 ? TraceBody.parse(body).orElse(null) : null;
        if (trace == null) {
            // A Worker route or a custom page can answer this path instead of Cloudflare's own trace.
            return new TraceResult(url.toString(), address, status, null, null,
                    new Failure(Failure.Kind.OTHER, "answered " + status + ", not a Cloudflare trace"));
        }
        return new TraceResult(url.toString(), address, status, trace, colos.city(trace.colo()), null);
    }

    private static TraceResult failed(HttpUrl url, String address, Failure failure) {
        return new TraceResult(url.toString(), address, null, null, null, failure);
    }

    /** The edge probe's scheme and port: https (443, or the port named); http only for an http URL with a port. */
    static HttpUrl url(Target target) {
        boolean http = target.port() != null && "http".equals(target.scheme());
        return new HttpUrl.Builder()
                .scheme(http ? "http" : "https")
                .host(target.host())
                .port(target.port() != null ? target.port() : 443)
                .encodedPath(PATH)
                .build();
    }

    private static OkHttpClient baseClient(SSLSocketFactory tlsSockets, X509TrustManager trustManager) {
        return new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // a system proxy would answer for the edge (and resolve names itself)
                .followRedirects(false) // a redirect is not a trace, and would lead to a host not approved
                .followSslRedirects(false)
                .retryOnConnectionFailure(false) // as the edge probe: one attempt, the fault stays visible
                .fastFallback(false)
                .socketFactory(NoDelaySocketFactory.INSTANCE)
                .sslSocketFactory(tlsSockets, trustManager)
                .build();
    }
}
