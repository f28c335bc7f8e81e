package dev.cfcheck.bot.discord;

import java.util.concurrent.CompletableFuture;

import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Timings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The checker behind the router in adapter tests: records every request and answers with a 522 report built
 * from it, so a test can see what the adapter asked for (target, origins, fresh). It can be held on a latch,
 * to show that Discord is answered before the check ends, or made to fail.
 */
final class ScriptedChecker implements CheckService {
    private final BlockingQueue<CheckRequest> requests = new LinkedBlockingQueue<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile RuntimeException failure;
    private volatile String hostileText;
    private volatile boolean preliminary;
    private final CompletableFuture<Void> answered = new CompletableFuture<>();
    /** Reports are made here, off the caller's thread, as the checker makes them. */
    private final ExecutorService runner = Executors.newCachedThreadPool(new DaemonThreads("scripted-discord-check-"));

    /** Checks wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** Checks throw this (a bug inside the checker). */
    void failWith(RuntimeException e) {
        failure = e;
    }

    /** The next reports carry this text where the network's words go (page title, server header). */
    void reportHostileText(String text) {
        hostileText = text;
    }

    CheckRequest takeRequest() throws InterruptedException {
        CheckRequest r = requests.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the checker was never called");
        }
        return r;
    }

    /** True when no check was asked for since the last {@link #takeRequest()}. */
    boolean idle() {
        return requests.isEmpty();
    }

    @Override
    public CompletableFuture<CheckReport> check(CheckRequest request) {
        requests.add(request);
        return CompletableFuture.supplyAsync(() -> answer(request), runner);
    }

    private CheckReport answer(CheckRequest request) {
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the checker");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
        CheckReport last = report522(request);
        if (!preliminary) {
            return last;
        }
        Verdict silent = new Verdict(Kind.EDGE_SILENT, "DEADLINE", false, Severity.CRITICAL,
                "No answer from Cloudflare for " + last.domain() + " after 10 s", "The edge has not answered yet.",
                List.of("edge https: no answer by the deadline"), List.of());
        return new CheckReport(last.domain(), last.target(), last.checkedAt(), 10_000, false, silent, List.of(),
                last.probes(), last.config(), false);
    }

    /** Checks first give a preliminary report (Cloudflare silent at the deadline); the 522 follows on {@link #cloudflareAnswers()}. */
    void preliminaryFirst() {
        preliminary = true;
    }

    void cloudflareAnswers() {
        answered.complete(null);
    }

    @Override
    public CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        return report.isFinal() ? CompletableFuture.completedFuture(report) : answered.thenApply(v -> report522(request));
    }

    private CheckReport report522(CheckRequest request) {
        String host = request.target().host();
        String words = hostileText == null ? "cloudflare" : hostileText;
        HttpExchange https = new HttpExchange("https://" + host + "/", "https://" + host + "/", "104.16.1.1", 522, words,
                "8f1e2d3c4b5a6978-FRA", "8f1e2d3c4b5a6978", "FRA", "Frankfurt, DE", null, null, null,
                new CloudflarePage(CloudflarePage.Type.ERROR, "522", words, "8f1e2d3c4b5a6978"), List.of(), false,
                new Timings(8L, 20L, 15_000L, 15_030L), null, null);
        HttpExchange http = new HttpExchange("http://" + host + "/", null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), false, Timings.NONE, null, new Failure(Failure.Kind.TIMEOUT, "no answer"));
        Verdict verdict = new Verdict(Kind.ORIGIN_TIMEOUT, "522", false, Severity.CRITICAL, "Connection timed out",
                "Cloudflare reached no origin in time. " + (hostileText == null ? "" : hostileText),
                List.of("edge: HTTP 522 from FRA"),
                List.of(new NextStep("Check that the origin answers on 443", "curl -sv --resolve '" + host + ":443:$ORIGIN_IP' https://" + host + "/")));
        return new CheckReport(host, "https://" + host + "/", Instant.parse("2025-03-01T12:00:03Z"), 1200, false, verdict, List.of(),
                ProbeResults.builder().put(DnsProbe.KEY, null).put(EdgeProbe.KEY, new EdgeResult(https, http)).put(OriginsProbe.KEY, null).put(OriginTlsProbe.KEY, null).build());
    }
}
