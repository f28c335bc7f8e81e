package dev.cfcheck.testing;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * The loopback edge's dispatcher: {@code /cdn-cgi/trace} is answered by Cloudflare's own trace, as on a real
 * edge, and every other request from the queue ({@code enqueue} works as on a plain MockWebServer). The trace
 * probe runs at the same time as the edge probe, so without this it would take the edge's queued page.
 * {@link #pageRequests()} counts the others: what a test about the edge's requests means.
 */
public final class EdgeDispatcher extends QueueDispatcher {

    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger traces = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String target = request.getTarget();
        if (target != null && target.startsWith("/cdn-cgi/trace")) {
            traces.incrementAndGet();
            return trace("DTW");
        }
        pages.incrementAndGet();
        return super.dispatch(request);
    }

    /** Requests other than the trace. */
    public int pageRequests() {
        return pages.get();
    }

    public int traceRequests() {
        return traces.get();
    }

    /** A {@code /cdn-cgi/trace} answer as the edge sends it (the 2026 sample, visitor address a documentation one). */
    public static MockResponse trace(String colo) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("content-type", "text/plain")
                .setHeader("server", "cloudflare")
                .body(String.join("\n",
                        "fl=80f417", "h=" + LoopbackSite.HOST, "ip=192.0.2.44", "ts=1772941360.629",
                        "visit_scheme=https", "uag=cfcheck/0.1 (+diagnostic)", "colo=" + colo, "sliver=none",
                        "http=http/2", "loc=DE", "tls=TLSv1.3", "sni=plaintext", "warp=off", "gateway=off",
                        "rbi=off", "kex=X25519MLKEM768", ""))
                .build();
    }
}
