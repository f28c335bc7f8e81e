package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.site.UnsafeAddressException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Handshake;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One request to the edge (https or http) and the redirects it leads to, followed by hand so that each new
 * host is approved (resolved, checked against the safe-target policy) before anything is sent to it.
 *
 * <p>Each hop is an asynchronous OkHttp call, so the shared dispatcher bounds how many run at once. The chain
 * completes its future exactly once: when a final response has been read, when a hop fails, or when
 * {@link #expire()} cuts it at the deadline. What it reports: the last response received (status, headers,
 * page), and, when the chain stopped early, why ({@code failure}); a redirect to a refused address thus reads
 * "301, failure UNSAFE_ADDRESS", not "no answer".
 */
final class RedirectChain {

    /** Redirects followed before the chain is called a loop. */
    static final int MAX_REDIRECTS = 10;

    static final String USER_AGENT = "cfcheck/0.1 (+diagnostic)";
    static final String ACCEPT = "text/html,application/json;q=0.9";

    private final OkHttpClient client;
    private final SessionCookies cookies;
    private final ApprovedAddresses addresses;
    private final Deadline deadline;
    private final CloudflarePageClassifier classifier;
    private final Colos colos;
    private final HttpUrl start;
    private final CompletableFuture<HttpExchange> result = new CompletableFuture<>();

    // Guarded by this.
    private final List<Redirect> redirects = new ArrayList<>();
    private final Set<String> seenRequests = new HashSet<>();
    private HttpUrl current;
    private Call inFlight;
    private PhaseTimer timer;
    private Received last;
    private boolean loop;

    /** What is kept of a response once its body has been read and classified. */
    private record Received(HttpUrl url, int status, Headers headers, CloudflarePage page, String address,
                            Timings timings, CertificateInfo certificate) {
    }

    RedirectChain(OkHttpClient client, SessionCookies cookies, ApprovedAddresses addresses, Deadline deadline,
                  CloudflarePageClassifier classifier, Colos colos, HttpUrl start) {
        this.client = client;
        this.cookies = cookies;
        this.addresses = addresses;
        this.deadline = deadline;
        this.classifier = classifier;
        this.colos = colos;
        this.start = start;
        this.current = start;
    }

    CompletableFuture<HttpExchange> start() {
        synchronized (this) {
            seenRequests.add(requestKey(start));
        }
        send(start);
        return result;
    }

    /** Cuts the chain at the deadline: the call in flight is cancelled, what was seen so far is reported. */
    void expire() {
        Call call;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            call = inFlight;
            result.complete(exchange(new Failure(Failure.Kind.DEADLINE, "no answer before the check's deadline")));
        }
        if (call != null) {
            call.cancel();
        }
    }

    /**
     * What the chain has seen so far, without stopping it: the exchange at the check's deadline while the chain
     * goes on waiting for a follow-up. The final exchange once done.
     */
    HttpExchange snapshot() {
        synchronized (this) {
            if (result.isDone()) {
                return result.join();
            }
            return exchange(new Failure(Failure.Kind.DEADLINE, "no answer before the check's deadline"));
        }
    }

    private void send(HttpUrl url) {
        synchronized (this) {
            if (result.isDone()) {
                return; // cut at the deadline while the previous hop was being read
            }
            current = url;
            timer = null; // no call for this hop yet: a failure before sending has no timings of its own
        }
        if (deadline.expired()) {
            finish(new Failure(Failure.Kind.DEADLINE, "no answer before the check's deadline"));
            return;
        }
        try {
            addresses.approve(url.host(), deadline);
        } catch (UnsafeAddressException e) {
            finish(new Failure(Failure.Kind.UNSAFE_ADDRESS, "not connecting to " + url.host() + ": "
                    + OneLine.of(e.getMessage())));
            return;
        } catch (UnknownHostException e) {
            finish(new Failure(Failure.Kind.DNS, "host did not resolve: " + url.host()));
            return;
        }
        Request request = new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT)
                .build();
        Call call = client.newCall(request);
        // The whole hop, body included, must end by the deadline, whatever the client's own timeouts say.
        call.timeout().timeout(deadline.remainingMillisForSocket(), TimeUnit.MILLISECONDS);
        PhaseTimer hopTimer = new PhaseTimer();
        call.addEventListener(hopTimer);
        synchronized (this) {
            if (result.isDone()) {
                return; // expired while the host was being resolved
            }
            inFlight = call;
            timer = hopTimer;
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                finish(FailureClassifier.classify(e, deadline, hopTimer.handshakeWaitedMs()));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    received(url, response, hopTimer);
                } catch (RuntimeException e) {
                    finish(new Failure(Failure.Kind.OTHER, "could not read the response: "
                            + OneLine.of(e.getClass().getSimpleName())));
                }
            }
        });
    }

    private void received(HttpUrl url, Response response, PhaseTimer hopTimer) {
        String body;
        IOException bodyFailure = null;
        try {
            body = BoundedBody.read(response.body(), BoundedBody.MAX_BYTES);
        } catch (IOException e) {
            body = "";
            bodyFailure = e;
        }
        Received r = new Received(url, response.code(), response.headers(),
                classifier.classify(response.code(), response.headers(), body),
                hopTimer.address(), hopTimer.timings(System.nanoTime()), certificate(response.handshake()));
        HttpUrl next;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            last = r;
            if (bodyFailure != null) {
                result.complete(exchange(FailureClassifier.classifyBody(bodyFailure, deadline)));
                return;
            }
            String location = response.isRedirect() ? response.header("Location") : null;
            next = location == null ? null : url.resolve(location);
            if (next == null) {
                // Not a redirect, or one we cannot follow (no Location, not http/https): this is the answer.
                result.complete(exchange(null));
                return;
            }
            redirects.add(new Redirect(r.status(), url.toString(), next.toString()));
            if (!seenRequests.add(requestKey(next)) || redirects.size() > MAX_REDIRECTS) {
                loop = true;
                result.complete(exchange(null));
                return;
            }
            try {
                addresses.approvePort(next.port()); // a redirect must not turn the check into a port scan
            } catch (UnsafeAddressException e) {
                result.complete(exchange(new Failure(Failure.Kind.UNSAFE_ADDRESS, "not following the redirect to "
                        + Words.hostPort(next.host(), next.port()) + ": " + OneLine.of(e.getMessage()))));
                return;
            }
        }
        send(next);
    }

    /**
     * Two requests are the same when URL and cookies are: a redirect back to a URL with a new cookie is a
     * browser's normal cookie check, the same URL with the same cookies is a loop.
     */
    private String requestKey(HttpUrl url) {
        return url + "\n" + cookies.stateFor(url);
    }

    private void finish(Failure failure) {
        synchronized (this) {
            if (!result.isDone()) {
                result.complete(exchange(failure));
            }
        }
    }

    /** The exchange as seen so far; {@code failure} says why the chain stopped early, or is null. Holds this. */
    private HttpExchange exchange(Failure failure) {
        Timings timings = failure != null && timer != null ? timer.timings(System.nanoTime())
                : last != null ? last.timings() : Timings.NONE;
        if (last == null) {
            return new HttpExchange(start.toString(), current.toString(), timer != null ? timer.address() : null,
                    null, null, null, null, null, null, null, null, null, null,
                    redirects, loop, timings, null, failure);
        }
        Headers h = last.headers();
        String cfRayHeader = OneLine.of(h.get("cf-ray"));
        CfRay ray = CfRay.parse(cfRayHeader);
        String rayId = ray != null ? ray.id() : last.page() != null ? last.page().rayId() : null;
        String colo = ray != null ? ray.colo() : null;
        return new HttpExchange(
                start.toString(),
                last.url().toString(),
                last.address(),
                last.status(),
                OneLine.of(h.get("server")),
                cfRayHeader,
                rayId,
                colo,
                colos.city(colo),
                OneLine.of(h.get("cf-cache-status")),
                OneLine.of(h.get("cf-mitigated")),
                OneLine.of(h.get("retry-after")),
                last.page(),
                redirects,
                loop,
                timings,
                last.certificate(),
                failure);
    }

    private static CertificateInfo certificate(Handshake handshake) {
        if (handshake == null) {
            return null;
        }
        List<Certificate> chain = handshake.peerCertificates();
        if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
            return null;
        }
        return CertificateInfo.of(leaf, Instant.now());
    }
}
