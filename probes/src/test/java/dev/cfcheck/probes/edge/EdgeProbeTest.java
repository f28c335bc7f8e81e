package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.dns.HostResolver;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.Target;
import dev.cfcheck.site.UnsafeAddressException;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.RawReply;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.TlsTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge probe against real sockets on loopback: MockWebServer plays the Cloudflare edge for
 * {@code shop.example.test}, whose DNS answer is 127.0.0.1; faults come from the shared fixtures of
 * {@code dev.cfcheck.testing} (closed port, silent server, plain HTTP on the TLS port, test certificates).
 */
class EdgeProbeTest {

    private static final String HOST = "shop.example.test";
    private static final InetAddress LOCALHOST = Loopback.ADDRESS;
    /** Generous: every test ends as soon as the exchange does, except the ones about the deadline. */
    private static final Duration CHECK_TIME = Duration.ofSeconds(20);

    private static final HeldCertificate EDGE_CERTIFICATE = TestCertificates.leaf(HOST);
    /** The client trusts the test root CA only, as production trusts the JVM's CAs. */
    private static final HandshakeCertificates CLIENT_TRUST = new HandshakeCertificates.Builder()
            .addTrustedCertificate(TestCertificates.rootCa().certificate()).build();

    private static final HostResolver NO_OTHER_HOST = (host, deadline) -> {
        throw new UnknownHostException(host);
    };

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    // --- Cloudflare pages and headers -------------------------------------------------------------------

    @Test
    void edgeServing522PageIsReadWithRayIdColoAndRetryAfter() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder()
                .code(522)
                .setHeader("content-type", "text/html; charset=UTF-8")
                .setHeader("cf-ray", "a23c92d51bc8a952-DTW")
                .setHeader("server", "cloudflare")
                .setHeader("retry-after", "120")
                .setHeader("cache-control", "private, max-age=0, no-store, no-cache, must-revalidate")
                .body(CloudflarePageClassifierTest.page("522-supabase-nhl-cronlog.html"))
                .build());

        EdgeResult result = probe().run(httpTarget(edge.getPort(), "/checkout?step=2"), List.of(LOCALHOST), deadline());

        assertThat(result.https()).isNull();
        HttpExchange x = result.http();
        assertThat(x.url()).isEqualTo("http://" + HOST + ":" + edge.getPort() + "/checkout?step=2");
        assertThat(x.finalUrl()).isEqualTo(x.url());
        assertThat(x.status()).isEqualTo(522);
        assertThat(x.server()).isEqualTo("cloudflare");
        assertThat(x.cfRay()).isEqualTo("a23c92d51bc8a952-DTW");
        assertThat(x.rayId()).isEqualTo("a23c92d51bc8a952");
        assertThat(x.colo()).isEqualTo("DTW");
        assertThat(x.coloCity()).isEqualTo("Detroit, United States");
        assertThat(x.retryAfter()).isEqualTo("120");
        assertThat(x.cacheStatus()).isNull();
        assertThat(x.page()).isEqualTo(new CloudflarePage(CloudflarePage.Type.ERROR, "522",
                "fyhftlxokyjtpndbkfse.supabase.co | 522: Connection timed out", "9df84e5407525930"));
        assertThat(x.address()).isEqualTo("127.0.0.1");
        assertThat(x.viaCloudflare()).isTrue();
        assertThat(x.redirects()).isEmpty();
        assertThat(x.redirectLoop()).isFalse();
        assertThat(x.certificate()).isNull();
        assertThat(x.failure()).isNull();
        assertThat(x.timings().connectMs()).isNotNull();
        assertThat(x.timings().tlsMs()).isNull();
        assertThat(x.timings().firstByteMs()).isNotNull();
        assertThat(x.timings().totalMs()).isGreaterThanOrEqualTo(x.timings().firstByteMs());

        RecordedRequest request = edge.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/checkout?step=2");
        assertThat(request.getHeaders().get("Host")).isEqualTo(HOST + ":" + edge.getPort());
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("cfcheck/0.1 (+diagnostic)");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/html,application/json;q=0.9");
    }

    @Test
    void managedChallengeIsReadFromCfMitigatedAndPage() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder()
                .code(403)
                .setHeader("content-type", "text/html; charset=UTF-8")
                .setHeader("cf-ray", "7701f27c1e1cb980-FRA")
                .setHeader("cf-mitigated", "challenge")
                .setHeader("server", "cloudflare")
                .body(CloudflarePageClassifierTest.page("challenge-managed-2022-alchemy-wonderland.html"))
                .build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(403);
        assertThat(x.mitigated()).isEqualTo("challenge");
        assertThat(x.coloCity()).isEqualTo("Frankfurt, Germany");
        assertThat(x.page()).isEqualTo(new CloudflarePage(
                CloudflarePage.Type.CHALLENGE, null, "Just a moment...", "7701f27c1e1cb980"));
    }

    @Test
    void originPagePassedThroughIsNotCloudflares() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder()
                .code(502)
                .setHeader("cf-ray", "98933fb3680f30aa-ICN")
                .setHeader("server", "cloudflare")
                .setHeader("cf-cache-status", "DYNAMIC")
                .body(CloudflarePageClassifierTest.page("origin/nginx-502.html"))
                .build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(502);
        assertThat(x.cacheStatus()).isEqualTo("DYNAMIC");
        assertThat(x.page()).isNull();
        assertThat(x.viaCloudflare()).isTrue();
    }

    @Test
    void bodyBeyond256KibIsNotRead() throws Exception {
        MockWebServer edge = server();
        String page = CloudflarePageClassifierTest.page("522-supabase-nhl-cronlog.html");
        // The same error page after a long comment: its markers inside the limit, then past it (sent with a
        // status Cloudflare does not keep to itself, so only the body can tell).
        edge.enqueue(new MockResponse.Builder().code(502).body(padded(200 * 1024, page)).build());
        edge.enqueue(new MockResponse.Builder().code(502).body(padded(300 * 1024, page)).build());
        // A body far larger than the limit: read up to the limit, the rest left unread.
        edge.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(new byte[4 * 256 * 1024])).build());

        EdgeProbe probe = probe();
        HttpExchange within = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();
        HttpExchange beyond = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();
        HttpExchange huge = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(within.page()).isNotNull().extracting(CloudflarePage::code).isEqualTo("522");
        assertThat(beyond.page()).isNull();
        assertThat(beyond.status()).isEqualTo(502);
        assertThat(beyond.failure()).isNull();
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.failure()).isNull();
    }

    // --- TLS ----------------------------------------------------------------------------------------------

    @Test
    void httpsEdgeReportsLeafCertificateAndEveryPhase() throws Exception {
        MockWebServer edge = httpsServer(EDGE_CERTIFICATE);
        edge.enqueue(new MockResponse.Builder().code(200)
                .setHeader("server", "cloudflare")
                .setHeader("cf-ray", "8de9da34eb46d36d-FRA")
                .setHeader("cf-cache-status", "HIT")
                .body("<html><title>Shop</title></html>").build());

        EdgeResult result = probe().run(httpsTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline());

        assertThat(result.http()).isNull();
        HttpExchange x = result.https();
        assertThat(x.failure()).isNull();
        assertThat(x.status()).isEqualTo(200);
        assertThat(x.cacheStatus()).isEqualTo("HIT");
        assertThat(x.page()).isNull();
        assertThat(x.certificate().subjectAltNames()).containsExactly(HOST);
        assertThat(x.certificate().issuer()).contains("cfcheck Test Root CA");
        assertThat(x.certificate().selfSigned()).isFalse();
        assertThat(x.timings().connectMs()).isNotNull();
        assertThat(x.timings().tlsMs()).isNotNull();
        assertThat(x.timings().firstByteMs()).isNotNull();
        assertThat(x.timings().totalMs()).isGreaterThanOrEqualTo(x.timings().firstByteMs());
        assertThat(edge.takeRequest().getHandshakeServerNames()).containsExactly(HOST);
    }

    @Test
    void selfSignedEdgeCertificateFailsAsTls() throws Exception {
        MockWebServer edge = new MockWebServer();
        resources.add(edge);
        edge.useHttps(TestCertificates.serverCertificates(TestCertificates.selfSignedLeaf(HOST)).sslSocketFactory());
        edge.start(LOCALHOST, 0);

        HttpExchange x = probe().run(httpsTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).https();

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.TLS);
        assertThat(x.failure().message()).startsWith("TLS handshake failed").doesNotContain("\n");
    }

    @Test
    void expiredEdgeCertificateFailsAsTls() throws Exception {
        MockWebServer edge = httpsServer(TestCertificates.expiredLeaf(HOST));

        HttpExchange x = probe().run(httpsTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).https();

        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.TLS);
    }

    @Test
    void edgeCertificateForAnotherHostFailsAsTls() throws Exception {
        MockWebServer edge = httpsServer(TestCertificates.wrongHostLeaf("other.example.test"));

        HttpExchange x = probe().run(httpsTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).https();

        assertThat(x.failure()).isEqualTo(new Failure(Failure.Kind.TLS,
                "TLS handshake failed: Hostname shop.example.test not verified"));
    }

    @Test
    void plainHttpOnTheHttpsPortFailsAsTls() throws Exception {
        // What a plain-HTTP server answers to a TLS ClientHello: an HTTP error, then it hangs up.
        PlainHttpServer plain = PlainHttpServer.start(400);
        resources.add(plain);

        HttpExchange x = probe().run(httpsTarget(plain.port(), "/"), List.of(LOCALHOST), deadline()).https();

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.TLS);
    }

    // --- Both schemes ------------------------------------------------------------------------------------

    @Test
    void bareHostnameProbesHttpsAndHttpConcurrentlyAndFollowsHttpToHttps() throws Exception {
        MockWebServer httpsEdge = httpsServer(EDGE_CERTIFICATE);
        MockWebServer httpEdge = server();
        httpsEdge.setDispatcher(always(new MockResponse.Builder().code(200).body("ok").build()));
        httpEdge.enqueue(new MockResponse.Builder().code(301)
                .setHeader("Location", "https://" + HOST + ":" + httpsEdge.getPort() + "/").build());
        EdgeProbe probe = new EdgeProbe(AddressPolicy.ALLOW_ALL, NO_OTHER_HOST, CLIENT_TRUST.trustManager(),
                HandshakeTimeout.DEFAULT, httpsEdge.getPort(), httpEdge.getPort());

        EdgeResult result = probe.run(new Target(HOST, HOST, HOST, null, null, "/"), List.of(LOCALHOST), deadline());

        assertThat(result.https().status()).isEqualTo(200);
        assertThat(result.https().certificate()).isNotNull();
        assertThat(result.http().status()).isEqualTo(200);
        assertThat(result.http().redirects()).containsExactly(new Redirect(301,
                "http://" + HOST + ":" + httpEdge.getPort() + "/", "https://" + HOST + ":" + httpsEdge.getPort() + "/"));
        assertThat(result.http().finalUrl()).isEqualTo("https://" + HOST + ":" + httpsEdge.getPort() + "/");
        assertThat(result.asked(new Target(HOST, HOST, HOST, null, null, "/"))).isSameAs(result.https());
        assertThat(httpsEdge.getRequestCount()).isEqualTo(2);
    }

    // --- Redirects ---------------------------------------------------------------------------------------

    @Test
    void redirectChainIsFollowedToTheFinalPage() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(redirect(301, "/shop"));
        edge.enqueue(redirect(302, "/shop/"));
        edge.enqueue(new MockResponse.Builder().code(200).body("welcome").build());
        String base = "http://" + HOST + ":" + edge.getPort();

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.redirectLoop()).isFalse();
        assertThat(x.redirects()).containsExactly(
                new Redirect(301, base + "/", base + "/shop"),
                new Redirect(302, base + "/shop", base + "/shop/"));
        assertThat(x.url()).isEqualTo(base + "/");
        assertThat(x.finalUrl()).isEqualTo(base + "/shop/");
        assertThat(x.failure()).isNull();
    }

    @Test
    void redirectBackToAnEarlierUrlIsALoop() throws Exception {
        MockWebServer edge = server();
        // The classic Flexible-SSL loop, on one scheme: / -> /www -> / ...
        edge.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return redirect(301, request.getTarget().equals("/") ? "/www" : "/");
            }
        });

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.redirectLoop()).isTrue();
        assertThat(x.status()).isEqualTo(301);
        assertThat(x.redirects()).hasSize(2);
        assertThat(x.failure()).isNull();
        assertThat(edge.getRequestCount()).isEqualTo(2);
    }

    @Test
    void moreThanTenRedirectsIsALoop() throws Exception {
        MockWebServer edge = server();
        AtomicInteger hop = new AtomicInteger();
        edge.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return redirect(302, "/hop" + hop.incrementAndGet());
            }
        });

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.redirectLoop()).isTrue();
        assertThat(x.redirects()).hasSize(RedirectChain.MAX_REDIRECTS + 1);
        assertThat(edge.getRequestCount()).isEqualTo(RedirectChain.MAX_REDIRECTS + 1);
    }

    @Test
    void redirectBackWithANewCookieIsNotALoop() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/")
                .setHeader("Set-Cookie", "session=abc; Path=/").build());
        edge.enqueue(new MockResponse.Builder().code(200).body("hello").build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.redirectLoop()).isFalse();
        edge.takeRequest();
        assertThat(edge.takeRequest().getHeaders().get("Cookie")).isEqualTo("session=abc");
    }

    @Test
    void redirectToHostResolvingToPrivateAddressIsRefusedBeforeConnecting() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(redirect(302, "http://intranet.example.test/admin"));
        List<String> resolved = new CopyOnWriteArrayList<>();
        HostResolver resolver = (host, deadline) -> {
            resolved.add(host);
            return List.of(ip("10.0.0.1"));
        };
        AddressPolicy noPrivate = address -> {
            if (address.isSiteLocalAddress()) {
                throw new UnsafeAddressException(address.getHostAddress() + " is a private address");
            }
        };
        EdgeProbe probe = new EdgeProbe(noPrivate, resolver, CLIENT_TRUST.trustManager());

        HttpExchange x = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(resolved).containsExactly("intranet.example.test");
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
        assertThat(x.failure().message()).contains("intranet.example.test", "10.0.0.1 is a private address");
        assertThat(x.status()).isEqualTo(302);
        assertThat(x.redirects()).containsExactly(new Redirect(302,
                "http://" + HOST + ":" + edge.getPort() + "/", "http://intranet.example.test/admin"));
        assertThat(edge.getRequestCount()).isEqualTo(1);
    }

    @Test
    void redirectToNumericHostSpellingIsRefusedEvenWhenPrivateAddressesAreAllowed() throws Exception {
        MockWebServer edge = server();
        // 2130706433 is 127.0.0.1 to InetAddress.getByName; OkHttp would connect there without asking the Dns.
        edge.enqueue(redirect(302, "http://2130706433:" + edge.getPort() + "/"));

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
        assertThat(edge.getRequestCount()).isEqualTo(1);
    }

    @Test
    void redirectToAnotherHostIsResolvedAndFollowed() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(redirect(301, "http://www.example.test:" + edge.getPort() + "/"));
        edge.enqueue(new MockResponse.Builder().code(200).body("www").build());
        HostResolver resolver = (host, deadline) -> Map.of("www.example.test", List.of(LOCALHOST)).get(host);

        HttpExchange x = new EdgeProbe(AddressPolicy.ALLOW_ALL, resolver, CLIENT_TRUST.trustManager())
                .run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.finalUrl()).isEqualTo("http://www.example.test:" + edge.getPort() + "/");
        edge.takeRequest();
        assertThat(edge.takeRequest().getHeaders().get("Host")).isEqualTo("www.example.test:" + edge.getPort());
    }

    @Test
    void redirectToHostThatDoesNotResolveFailsAsDns() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(redirect(302, "http://gone.example.test/"));

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(302);
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.DNS);
        assertThat(x.failure().message()).contains("gone.example.test");
    }

    // --- Safe targets ------------------------------------------------------------------------------------

    @Test
    void targetAddressRefusedByPolicyIsNeverConnected() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).build());
        AddressPolicy noLoopback = address -> {
            if (address.isLoopbackAddress()) {
                throw new UnsafeAddressException(address.getHostAddress() + " is a loopback address");
            }
        };
        EdgeProbe probe = new EdgeProbe(noLoopback, NO_OTHER_HOST, CLIENT_TRUST.trustManager());

        HttpExchange x = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
        assertThat(edge.getRequestCount()).isZero();
    }

    @Test
    void policyNamedByTheCheckWinsOverTheProbesOwn() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).build());
        AddressPolicy noLoopback = address -> {
            if (address.isLoopbackAddress()) {
                throw new UnsafeAddressException(address.getHostAddress() + " is a loopback address");
            }
        };
        // One probe serves every check; a check that does not allow private targets must not inherit ALLOW_ALL.
        EdgeProbe probe = new EdgeProbe(AddressPolicy.ALLOW_ALL, NO_OTHER_HOST, CLIENT_TRUST.trustManager());

        HttpExchange x = probe.run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), noLoopback, deadline()).http();

        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
        assertThat(edge.getRequestCount()).isZero();
    }

    // --- Network faults ----------------------------------------------------------------------------------

    @Test
    void closedPortIsRefused() throws Exception {
        HttpExchange x = probe().run(httpTarget(ClosedPort.find(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isNull();
        assertThat(x.answered()).isFalse();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(x.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void secondAddressIsTriedWhenFirstRefuses() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).build());

        // Nothing listens on 127.0.0.2 at the edge's port.
        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(ip("127.0.0.2"), LOCALHOST), deadline()).http();

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void edgeClosingAtStartOfResponseIsAnEmptyReply() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).body("never sent")
                .onResponseStart(new SocketEffect.CloseSocket()).build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
        assertThat(x.complete()).isFalse();
        assertThat(edge.getRequestCount()).isEqualTo(1); // not retried: the fault stays visible
    }

    // --- Replies that cannot be whole, found when the stream ends (the deadline here is far away) ---------

    @Test
    void bodyShorterThanItsContentLengthIsABrokenReplyKeepingTheStatus() {
        HttpExchange x = brokenReply(RawReply.SHORT_BODY);

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.answered()).isTrue();
        assertThat(x.complete()).isFalse();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
        assertThat(x.failure().message()).startsWith("the body broke off");
    }

    @Test
    void connectionClosedInsideTheHeadersIsABrokenReply() {
        HttpExchange x = brokenReply(RawReply.CLOSED_IN_HEADERS);

        assertThat(x.status()).isNull();
        assertThat(x.failure()).isEqualTo(new Failure(Failure.Kind.BROKEN_REPLY,
                "the connection closed before the response headers ended"));
    }

    @Test
    void emptyReplyIsABrokenReply() {
        HttpExchange x = brokenReply(RawReply.EMPTY);

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
    }

    @Test
    void brokenChunkedEncodingIsABrokenReplyNamingTheBadChunk() {
        HttpExchange x = brokenReply(RawReply.BROKEN_CHUNKED);

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.complete()).isFalse();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
        assertThat(x.failure().message()).contains("0x7a"); // the bad chunk size starts with a "z"
    }

    @Test
    void brokenReplyOverHttpsIsABrokenReplyToo() {
        TlsTestServer edge = TlsTestServer.serving(EDGE_CERTIFICATE, TestCertificates.rootCa()).reply(RawReply.SHORT_BODY).start();
        resources.add(edge);

        HttpExchange x = probe().run(httpsTarget(edge.port(), "/"), List.of(LOCALHOST), deadline()).https();

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
    }

    // --- A TLS handshake that stalls ----------------------------------------------------------------------

    @Test
    void edgeThatAcceptsAndStallsTheHandshakeIsATlsTimeoutBeforeTheDeadline() throws Exception {
        SilentServer silent = SilentServer.start();
        resources.add(silent);
        EdgeProbe probe = new EdgeProbe(AddressPolicy.ALLOW_ALL, NO_OTHER_HOST, CLIENT_TRUST.trustManager(),
                new HandshakeTimeout(Duration.ofMillis(300)));

        HttpExchange x = probe.run(httpsTarget(silent.port(), "/"), List.of(LOCALHOST), deadline()).https();

        // The deadline is 20 s away: DEADLINE would mean the stall was only noticed there.
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.TLS_TIMEOUT);
        assertThat(x.failure().message()).endsWith("after connecting");
        assertThat(x.timings().connectMs()).isNotNull(); // TCP did connect
        assertThat(x.answered()).isFalse();
    }

    @Test
    void edgeStallingAfterTheRequestHitsTheDeadline() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).onResponseStart(SocketEffect.Stall.INSTANCE).build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST),
                Deadline.after(Duration.ofMillis(1500))).http();

        assertThat(x.status()).isNull();
        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
        assertThat(x.timings().connectMs()).isNotNull(); // connected, then nothing: the 524 signal
        assertThat(x.timings().firstByteMs()).isNull();
    }

    @Test
    void edgeThatAcceptsAndNeverAnswersHitsTheDeadlineOnBothSchemes() throws Exception {
        SilentServer silent = SilentServer.start();
        resources.add(silent);
        // The handshake timeout is longer than the deadline here: a silent TLS port is then cut by the deadline.
        EdgeProbe probe = new EdgeProbe(AddressPolicy.ALLOW_ALL, NO_OTHER_HOST, CLIENT_TRUST.trustManager(),
                HandshakeTimeout.DEFAULT, silent.port(), silent.port());

        EdgeResult result = probe.run(new Target(HOST, HOST, HOST, null, null, "/"), List.of(LOCALHOST),
                Deadline.after(Duration.ofMillis(1500)));

        assertThat(result.https().failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
        assertThat(result.http().failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
        assertThat(result.https().answered()).isFalse();
        assertThat(result.http().answered()).isFalse();
        assertThat(silent.awaitConnections(2, 5, TimeUnit.SECONDS)).isTrue(); // both did connect
    }

    @Test
    void deadlineAlreadyPastSendsNothing() throws Exception {
        MockWebServer edge = server();
        edge.enqueue(new MockResponse.Builder().code(200).build());

        HttpExchange x = probe().run(httpTarget(edge.getPort(), "/"), List.of(LOCALHOST),
                Deadline.after(Duration.ZERO)).http();

        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.DEADLINE);
        assertThat(edge.getRequestCount()).isZero();
    }

    @Test
    void nonHttpAnswerFailsAsProtocol() throws Exception {
        ServerSocket sshLike = answeringWith("SSH-2.0-OpenSSH_9.6\r\n");

        HttpExchange x = probe().run(httpTarget(sshLike.getLocalPort(), "/"), List.of(LOCALHOST), deadline()).http();

        assertThat(x.failure().kind()).isEqualTo(Failure.Kind.PROTOCOL);
        assertThat(x.failure().message()).contains("SSH-2.0-OpenSSH_9.6");
    }

    // --- Fixtures ----------------------------------------------------------------------------------------

    /** The http exchange with a server that answers {@code reply} and closes. */
    private HttpExchange brokenReply(RawReply reply) {
        PlainHttpServer edge = PlainHttpServer.replying(reply);
        resources.add(edge);
        return probe().run(httpTarget(edge.port(), "/"), List.of(LOCALHOST), deadline()).http();
    }

    private EdgeProbe probe() {
        return new EdgeProbe(AddressPolicy.ALLOW_ALL, NO_OTHER_HOST, CLIENT_TRUST.trustManager());
    }

    private static Deadline deadline() {
        return Deadline.after(CHECK_TIME);
    }

    private static Target httpTarget(int port, String path) {
        return new Target("http://" + HOST + ":" + port + path, HOST, HOST, "http", port, path);
    }

    private static Target httpsTarget(int port, String path) {
        return new Target("https://" + HOST + ":" + port + path, HOST, HOST, "https", port, path);
    }

    private MockWebServer server() throws IOException {
        MockWebServer server = new MockWebServer();
        resources.add(server);
        server.start(LOCALHOST, 0);
        return server;
    }

    private MockWebServer httpsServer(HeldCertificate certificate) throws IOException {
        MockWebServer server = new MockWebServer();
        resources.add(server);
        server.useHttps(TestCertificates.serverCertificates(certificate, TestCertificates.rootCa()).sslSocketFactory());
        server.start(LOCALHOST, 0);
        return server;
    }

    /** A server that writes {@code banner} to every connection as soon as it is accepted, whatever was sent. */
    private ServerSocket answeringWith(String banner) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOCALHOST);
        resources.add(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(banner.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.shutdownOutput();
                    s.getInputStream().readAllBytes(); // until the client hangs up
                } catch (IOException e) {
                    // the client went away, or the test closed the server
                }
            }
        }, "banner-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static MockResponse redirect(int status, String location) {
        return new MockResponse.Builder().code(status).setHeader("Location", location).build();
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }

    private static String padded(int paddingBytes, String page) {
        return "<!-- " + "x".repeat(paddingBytes) + " -->" + page;
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
