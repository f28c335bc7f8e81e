package dev.cfcheck.bot.router;

import dev.cfcheck.check.CheckBusyException;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.probes.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A CheckService that answers with reports a test builds (on its own threads, as the checker does), records
 * every request and the thread its report was made on, can hold each check until the test opens a latch (to
 * show that a reply does not wait for it), and can refuse checks past a capacity as a full checker does.
 */
public final class ScriptedCheckService implements CheckService {

    private final Function<CheckRequest, CheckReport> reports;
    private final List<CheckRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch firstStarted = new CountDownLatch(1);

    private volatile Function<CheckRequest, CheckReport> finals = null;
    private volatile int capacity = Integer.MAX_VALUE;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService runner = Executors.newCachedThreadPool(new DaemonThreads("scripted-check-"));
    private final CompletableFuture<Void> followUpGate = new CompletableFuture<>();

    public ScriptedCheckService(Function<CheckRequest, CheckReport> reports) {
        this.reports = reports;
    }

    /** Preliminary reports get these final ones from {@link #followUp}, once the test calls {@link #finish()}. */
    public ScriptedCheckService followingUpWith(Function<CheckRequest, CheckReport> finalReports) {
        this.finals = finalReports;
        return this;
    }

    /** Cloudflare's own answer arrives: every follow-up completes. */
    public void finish() {
        followUpGate.complete(null);
    }

    @Override
    public CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        if (report.isFinal() || finals == null) {
            return CompletableFuture.completedFuture(report);
        }
        return followUpGate.thenApply(v -> finals.apply(request));
    }

    /**
     * At most this many checks in flight; more are refused at once with {@link CheckBusyException}, the way a
     * checker with no room for another probe run refuses (this stand-in shares no runs: every check is distinct).
     */
    public ScriptedCheckService capacity(int checks) {
        this.capacity = checks;
        return this;
    }

    /** Every check waits until {@link #release()}. */
    public ScriptedCheckService hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        gate.countDown();
    }

    /** Waits until a check has entered the service. */
    public void awaitStarted() throws InterruptedException {
        if (!firstStarted.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no check started");
        }
    }

    @Override
    public CompletableFuture<CheckReport> check(CheckRequest request) {
        if (inFlight.incrementAndGet() > capacity) {
            inFlight.decrementAndGet();
            return CompletableFuture.failedFuture(new CheckBusyException(Duration.ofSeconds(10)));
        }
        requests.add(request);
        return CompletableFuture.supplyAsync(() -> {
            threads.add(Thread.currentThread().getName());
            firstStarted.countDown();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never released the check");
                }
                return reports.apply(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }, runner);
    }

    public List<CheckRequest> requests() {
        return requests;
    }

    public List<String> threads() {
        return threads;
    }
}
