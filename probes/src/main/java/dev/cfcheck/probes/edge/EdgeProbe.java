package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.DaemonThreads;
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
import dev.cfcheck.probes.dns.HostResolver;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Requests the target through the addresses DNS gave (the Cloudflare edge when the record is proxied), over
 * https and http at once, and reports what came back: status, Cloudflare headers, the Cloudflare-generated
 * page if the body is one, redirects, per-phase timings, the edge certificate.
 *
 * <p>One instance serves every check. It holds one OkHttp client base: a bounded dispatcher (the only
 * threads the probe uses) and the TLS setup. Each check derives its clients from it with its own
 * {@code Dns} (the approved addresses) and its own connection pool, closed when the check ends. Connections
 * are thus never reused between checks: every check measures a real TCP connect and TLS handshake (they are
 * evidence: a slow or failing connect to the edge is a finding), and no idle socket outlives its check.
 * Within a check, a redirect to the same host may reuse its connection, as a browser would.
 *
 * <p>Nothing waits past the deadline: each call's timeout is the time left, and the probe stops waiting at
 * the deadline itself, cancelling what is still running. A call cut that way reports
 * {@link Failure.Kind#DEADLINE}: the checker then infers 522/524 from the origin probe. What is known sooner is
 * reported sooner: a TLS handshake that stalls past the {@link HandshakeTimeout} is {@code TLS_TIMEOUT}, and a
 * reply that breaks off (closed inside the headers, a body short of its {@code Content-Length}, broken chunks)
 * is {@code BROKEN_REPLY} the moment the stream ends.
 */
public final class EdgeProbe implements Probe<EdgeResult>, AutoCloseable {

    /** The report's {@code probes.edge}. */
    public static final ProbeKey<EdgeResult> KEY = new ProbeKey<>("edge", new EdgeDescriber());

    /**
     * Follow-ups at once over all checks. Each holds its calls (and their dispatcher slots) for up to the
     * follow-up limit; past this many, a check's edge exchange is cut at the deadline as without follow-up,
     * so that a crowd of silent sites cannot starve new checks of calls.
     */
    static final int MAX_FOLLOW_UPS = 24;

    /** Calls in flight at once over all checks, and to one host. */
    static final int MAX_CALLS = 64 + 2 * MAX_FOLLOW_UPS;
    static final int MAX_CALLS_PER_HOST = 16;

    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final OkHttpClient base;
    private final SSLSocketFactory tlsSockets;
    private final X509TrustManager trustManager;
    private final HandshakeTimeout handshakeTimeout;
    private final int httpsPort;
    private final int httpPort;
    private final CloudflarePageClassifier classifier = new CloudflarePageClassifier();
    private final Colos colos = Colos.bundled();
    private final Semaphore followUps = new Semaphore(MAX_FOLLOW_UPS);

    /**
     * @param policy       the safe-target policy applied to every address before connecting, unless a run names another
     * @param resolver     resolves hosts that redirects lead to
     * @param trustManager trusted CAs for https to the edge (the JVM's in production, see {@link #jvmTrustManager()})
     */
    public EdgeProbe(AddressPolicy policy, HostResolver resolver, X509TrustManager trustManager) {
        this(policy, resolver, trustManager, HandshakeTimeout.DEFAULT);
    }

    /** @param handshakeTimeout how long a TLS handshake with the edge may take once connected (a stalled one is {@code TLS_TIMEOUT}) */
    public EdgeProbe(AddressPolicy policy, HostResolver resolver, X509TrustManager trustManager, HandshakeTimeout handshakeTimeout) {
        this(policy, resolver, trustManager, handshakeTimeout, 443, 80);
    }

    /** With other ports than 443 and 80 for a target without one: lets tests play both sides on loopback. */
    EdgeProbe(AddressPolicy policy, HostResolver resolver, X509TrustManager trustManager, HandshakeTimeout handshakeTimeout,
            int httpsPort, int httpPort) {
        this.policy = policy;
        this.resolver = resolver;
        this.tlsSockets = TlsSockets.trusting(trustManager);
        this.trustManager = trustManager;
        this.handshakeTimeout = handshakeTimeout;
        this.base = baseClient(tlsSockets, trustManager);
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    @Override
    public ProbeKey<EdgeResult> key() {
        return KEY;
    }

    /**
     * Probes the target through the addresses DNS gave. With a follow-up in the context, an exchange still
     * waiting at the deadline is reported as it stands (no answer yet) and kept running until Cloudflare's own
     * answer comes (its 522 after 19 s, its 524 after 100 s) or the follow-up ends: that is the later result.
     */
    @Override
    public ProbeOutcome<EdgeResult> run(ProbeContext context) {
        if (context.addresses().isEmpty()) {
            return ProbeOutcome.notRun();
        }
        boolean follow = context.followUp() != null && followUps.tryAcquire();
        ProbeOutcome<EdgeResult> outcome = probe(context.target(), context.addresses(), context.policy(),
                context.deadline(), follow ? context.followUp() : null);
        if (follow) {
            if (outcome.isFinal()) {
                followUps.release();
            } else {
                outcome.later().whenComplete((r, e) -> followUps.release());
            }
        }
        return outcome;
    }

    /** Probes the target under this probe's own safe-target policy; see {@link #run(Target, List, AddressPolicy, Deadline)}. */
    public EdgeResult run(Target target, List<InetAddress> addresses, Deadline deadline) {
        return run(target, addresses, policy, deadline);
    }

    /**
     * Probes the target, without follow-up.
     *
     * @param target    what to request (host, explicit port and scheme if any, path)
     * @param addresses the target host's addresses from DNS, used as they are (no second lookup)
     * @param policy    the safe-target policy for these addresses and every redirect hop
     * @param deadline  the check's deadline
     * @return the https and http exchanges; with an explicit port only the URL's scheme (https when none) is probed
     */
    public EdgeResult run(Target target, List<InetAddress> addresses, AddressPolicy policy, Deadline deadline) {
        return probe(target, addresses, policy, deadline, null).result();
    }

    private ProbeOutcome<EdgeResult> probe(Target target, List<InetAddress> addresses, AddressPolicy policy,
            Deadline deadline, Deadline followUp) {
        HttpUrl https = null;
        HttpUrl http = null;
        if (target.port() == null) {
            https = url("https", httpsPort, target);
            http = url("http", httpPort, target);
        } else if ("http".equals(target.scheme())) {
            http = url("http", target.port(), target);
        } else {
            https = url("https", target.port(), target);
        }
        HttpUrl any = https != null ? https : http;
        ApprovedAddresses approved = new ApprovedAddresses(any.host(), addresses, resolver, policy);
        ConnectionPool pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
        // With a follow-up, the calls may live until its end; the check's deadline only ends the first wait.
        Deadline callsEnd = followUp != null ? followUp : deadline;
        boolean handedOver = false;
        try {
            RedirectChain httpsChain = https == null ? null : chain(https, approved, pool, callsEnd, deadline);
            RedirectChain httpChain = http == null ? null : chain(http, approved, pool, callsEnd, deadline);
            List<RedirectChain> chains = Stream.of(httpsChain, httpChain).filter(Objects::nonNull).toList();
            CompletableFuture<?>[] running = chains.stream().map(RedirectChain::start).toArray(CompletableFuture[]::new);
            awaitUntil(deadline, running);
            boolean allDone = Stream.of(running).allMatch(CompletableFuture::isDone);
            if (followUp == null || allDone) {
                // At the deadline, what has not finished is cut and reported as it stands.
                chains.forEach(RedirectChain::expire);
                return ProbeOutcome.of(result(httpsChain, httpChain, RedirectChain::snapshot));
            }
            EdgeResult atDeadline = result(httpsChain, httpChain, RedirectChain::snapshot);
            CompletableFuture<EdgeResult> later = CompletableFuture.allOf(running)
                    .completeOnTimeout(null, followUp.remaining().toNanos(), TimeUnit.NANOSECONDS)
                    .handle((v, e) -> {
                        chains.forEach(RedirectChain::expire);
                        pool.evictAll();
                        return result(httpsChain, httpChain, RedirectChain::snapshot);
                    });
            handedOver = true;
            return new ProbeOutcome<>(atDeadline, later);
        } finally {
            if (!handedOver) {
                pool.evictAll();
            }
        }
    }

    private static EdgeResult result(RedirectChain https, RedirectChain http,
            java.util.function.Function<RedirectChain, HttpExchange> read) {
        return new EdgeResult(https == null ? null : read.apply(https), http == null ? null : read.apply(http));
    }

    /** Stops the dispatcher's threads; calls still running are cut (their checks report the deadline). */
    @Override
    public void close() {
        base.dispatcher().cancelAll();
        base.dispatcher().executorService().shutdownNow();
    }

    /** The JVM's default trusted CAs, for production use. */
    public static X509TrustManager jvmTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM has no X509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM's trusted CAs", e);
        }
    }

    /**
     * @param deadline      when the calls end: the check's deadline, or the follow-up's end
     * @param checkDeadline the check's deadline, which a TLS handshake never outlives: an edge that stalls its
     *                      handshake is not waiting on the origin, and Cloudflare's answer will not come
     */
    private RedirectChain chain(HttpUrl start, ApprovedAddresses approved, ConnectionPool pool, Deadline deadline,
            Deadline checkDeadline) {
        SessionCookies cookies = new SessionCookies();
        Duration left = deadline.remaining().isZero() ? Duration.ofMillis(1) : deadline.remaining();
        OkHttpClient client = base.newBuilder()
                .dns(approved)
                .connectionPool(pool)
                .cookieJar(cookies)
                .sslSocketFactory(handshakeTimeout.bound(tlsSockets, checkDeadline), trustManager)
                // Each hop also sets its call timeout to the time left when it starts; these only bound the
                // socket operations of a hop to no more than the whole check.
                .callTimeout(left)
                .connectTimeout(left)
                .readTimeout(left)
                .writeTimeout(left)
                .build();
        return new RedirectChain(client, cookies, approved, deadline, classifier, colos, start);
    }

    private static void awaitUntil(Deadline deadline, CompletableFuture<?>... running) {
        try {
            CompletableFuture.allOf(running).get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Chains complete normally by construction: only the deadline ends this wait early.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL of the target for one scheme; the path is appended as it is, never resolved against the host. */
    private static HttpUrl url(String scheme, int port, Target target) {
        String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
        String path = target.path() == null || target.path().isEmpty() ? "/" : target.path();
        HttpUrl url = HttpUrl.parse(scheme + "://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path));
        if (url == null) {
            throw new IllegalArgumentException("not a valid URL for host " + OneLine.of(target.host()));
        }
        return url;
    }

    private static OkHttpClient baseClient(SSLSocketFactory tlsSockets, X509TrustManager trustManager) {
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads());
        dispatcher.setMaxRequests(MAX_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CALLS_PER_HOST);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .proxy(Proxy.NO_PROXY) // a system proxy would hide the edge (and resolve names itself)
                .followRedirects(false) // followed by hand: each new host is approved first
                .followSslRedirects(false)
                // A retry would hide the fault being diagnosed (a reset, an empty response).
                .retryOnConnectionFailure(false)
                // Addresses are tried one after another: the timings are those of one connect, not of a race.
                .fastFallback(false)
                .socketFactory(NoDelaySocketFactory.INSTANCE) // timings without Nagle's delayed-ACK stalls
                .sslSocketFactory(tlsSockets, trustManager)
                .build();
    }

    /** Daemon threads, at most one per call allowed in flight: the dispatcher never has to queue on them. */
    private static ExecutorService dispatcherThreads() {
        return new ThreadPoolExecutor(0, MAX_CALLS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreads("cfcheck-edge-"));
    }
}
