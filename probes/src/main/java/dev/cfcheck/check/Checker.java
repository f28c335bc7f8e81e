package dev.cfcheck.check;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.diagnosis.Diagnosis;
import dev.cfcheck.diagnosis.DiagnosisInput;
import dev.cfcheck.probes.AddressProbe;
import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OriginSource;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import dev.cfcheck.site.UnsafeAddressException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a check: the address probe (DNS) first, beside it the origin sources (the Cloudflare API), then every
 * other registered probe at once, all under one deadline; then the diagnosis. The origins come from the
 * request ({@code origin=}, the config) or, when it names none, from the origin sources. Reports are cached
 * (Caffeine, keyed by {@link CacheKey}); concurrent checks of the same key share one probe run, and
 * {@code fresh} bypasses the cache (and refreshes it).
 *
 * <p>Asynchronous: {@link #check} returns at once. Only a probe run holds threads (one in the check pool, its
 * probes in the probe pool); a check that joins a run in flight or is answered by the cache holds none. The
 * distinct runs admitted, running plus waiting, are bounded; past that a check needing a run of its own is refused
 * at once as busy.
 *
 * <p>Follow-up: a probe still waiting at the deadline (the edge, for Cloudflare's own 522 at 19 s or 524 at
 * 100 s) goes on until its answer or the follow-up limit. The report at the deadline is then preliminary
 * ({@code final: false}); the final one comes from {@link #followUp}, and replaces it in the cache.
 */
public final class Checker implements CheckService, AutoCloseable {

    /** Probes set their own timeouts from the deadline; this is only the slack for threads to hand back. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /** The share of the deadline the origin sources (the Cloudflare API) get, and its cap. */
    private static final int SOURCES_SHARE_PERCENT = 40;
    private static final Duration SOURCES_MAX = Duration.ofSeconds(5);

    private final ProbeList probes;
    private final AddressPolicy safePolicy;
    private final Diagnoser diagnoser;
    private final CheckerSettings settings;
    private final Clock clock;
    private final AsyncCache<CacheKey, CheckReport> cache;
    /** Final reports of follow-ups still running (or just done), kept a little past the follow-up limit. */
    private final Cache<CacheKey, CompletableFuture<CheckReport>> followUps;
    /** Runs whole checks; its size is the bound on runs probing at once (more wait in its queue). */
    private final ExecutorService checkPool;
    /** Distinct probe runs admitted (running plus waiting in the check pool's queue): the bound on that queue. */
    private final Semaphore runSlots;
    /** Runs the probes of running checks; sized from the probe list so a running check never waits for a thread. */
    private final ExecutorService probePool;
    private final AtomicLong probeRuns = new AtomicLong();

    /**
     * @param probes     the probes to run
     * @param safePolicy the safe-target policy applied unless a request allows private targets
     * @param diagnoser  turns probe results into a diagnosis
     * @param settings   cache, concurrency, follow-up and thresholds
     * @param clock      the time stamped on reports
     */
    public Checker(ProbeList probes, AddressPolicy safePolicy, Diagnoser diagnoser, CheckerSettings settings, Clock clock) {
        this.probes = Objects.requireNonNull(probes);
        this.safePolicy = Objects.requireNonNull(safePolicy);
        this.diagnoser = Objects.requireNonNull(diagnoser);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.runSlots = new Semaphore(settings.maxRunsAdmitted());
        this.checkPool = Executors.newFixedThreadPool(settings.maxParallelChecks(), new DaemonThreads("cfcheck-check-"));
        // Threads on demand, an idle one reused before a new one is made (a fixed pool would make a new thread for
        // every task until full: hundreds of idle stacks after a storm), idle ones gone after a minute. Sized so a
        // running check never waits; were every thread still held by probes abandoned at their deadline, the next
        // probe runs on the thread that asks, late rather than never.
        this.probePool = new ThreadPoolExecutor(0, settings.maxParallelChecks() * probes.threadsPerCheck(),
                60, TimeUnit.SECONDS, new SynchronousQueue<>(), new DaemonThreads("cfcheck-probe-"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxSize())
                .expireAfterWrite(settings.cacheTtl())
                .buildAsync();
        this.followUps = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(settings.followUp().plus(Duration.ofMinutes(5)))
                .build();
    }

    /**
     * Looks the check up and hands it on; never waits for probes. A check of a key already cached or in flight
     * joins it (no thread, no slot); one that needs a probe run of its own takes a slot, or is refused at once
     * with {@link CheckBusyException} when running plus waiting runs are at {@link CheckerSettings#maxRunsAdmitted()}.
     */
    @Override
    public CompletableFuture<CheckReport> check(CheckRequest request) {
        AddressPolicy policy = request.allowPrivate() ? AddressPolicy.ALLOW_ALL : safePolicy;
        try {
            request.origins().forEach(origin -> policy.requireAllowed(origin.address()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CacheKey key = CacheKey.of(request);
        // A size of 0 means no cache too: Caffeine would evict such an entry only later, in its maintenance.
        boolean caching = !settings.cacheTtl().isZero() && settings.cacheMaxSize() > 0;
        try {
            if (!caching) {
                return forCaller(startRun(request, key, false), key, false, false);
            }
            if (request.fresh()) {
                CompletableFuture<CheckReport> run = startRun(request, key, true);
                cache.put(key, run); // later checks of the key get (or join) this run
                return forCaller(run, key, true, false);
            }
            boolean[] created = {false};
            CompletableFuture<CheckReport> run = cache.get(key, (k, executor) -> {
                created[0] = true;
                return startRun(request, key, true);
            });
            if (!created[0] && run.isCompletedExceptionally()) {
                // Another check's run that failed a moment ago, its removal callback not run yet: not an answer.
                cache.asMap().remove(key, run);
                return check(request);
            }
            // A report already complete when we asked is a cache hit; joining a run in flight is not.
            return forCaller(run, key, true, !created[0] && run.isDone());
        } catch (CheckBusyException | CheckFailedException e) {
            return CompletableFuture.failedFuture(e); // thrown by startRun, inside or outside the cache's mapping
        }
    }

    @Override
    public CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        if (report.isFinal()) {
            return CompletableFuture.completedFuture(report);
        }
        CompletableFuture<CheckReport> running = followUps.getIfPresent(CacheKey.of(request));
        // Gone (evicted, or a checker without that run): the report is all there is, and it stays preliminary.
        return running != null ? running : CompletableFuture.completedFuture(report);
    }

    /** How many probe runs (a whole check's probes) have started since this checker was made: the benchmark reads it. */
    public long probeRuns() {
        return probeRuns.get();
    }

    /** A new probe run in a free slot, or {@link CheckBusyException} when there is none. */
    private CompletableFuture<CheckReport> startRun(CheckRequest request, CacheKey key, boolean caching) {
        if (!runSlots.tryAcquire()) {
            // Every run in flight ends within its deadline, and the queue is at most one turn long.
            throw new CheckBusyException(request.timeout().plus(GRACE));
        }
        try {
            // One time limit for the run, whoever waits for it: a turn in the queue (at most one, the queue being
            // no longer than the runs at once) plus the deadline plus slack. A run past it fails for everyone.
            long limitMs = request.timeout().toMillis() * 2 + GRACE.toMillis() * 2;
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return probeAndDiagnose(request, key, caching);
                } finally {
                    runSlots.release(); // before anyone hears of the report, so a check right after it finds the slot free
                }
            }, checkPool).orTimeout(limitMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            runSlots.release();
            throw new CheckFailedException("the checker is closed", e);
        }
    }

    /**
     * The caller's own view of a run: a cached report marked as such, and the run's failure unwrapped. Its own
     * future, so that nothing a caller does to it reaches the run other callers share; no timer of its own (the
     * run has one), so that joining a run costs a callback and nothing more.
     */
    private CompletableFuture<CheckReport> forCaller(CompletableFuture<CheckReport> run, CacheKey key, boolean caching,
            boolean cached) {
        CompletableFuture<CheckReport> answer = new CompletableFuture<>();
        run.whenComplete((report, error) -> {
            if (error == null) {
                answer.complete(cached ? report.asCached() : report);
                return;
            }
            if (caching) {
                // Caffeine drops a failed future in a callback that may run after this one: drop it here, so that
                // a retry right after a failure runs the probes again instead of getting the failure.
                cache.asMap().remove(key, run);
            }
            answer.completeExceptionally(failure(error));
        });
        return answer;
    }

    private static Throwable failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return new CheckFailedException("the check did not finish in time", cause);
        }
        if (cause instanceof RuntimeException || cause instanceof Error) {
            return cause;
        }
        return new CheckFailedException("the check failed", cause);
    }

    private CheckReport probeAndDiagnose(CheckRequest request, CacheKey key, boolean caching) {
        probeRuns.incrementAndGet();
        Instant checkedAt = clock.instant();
        long started = System.nanoTime();
        Run run = probe(request);
        CheckReport preliminary = report(request, checkedAt, started, run.results(), run.laters().isEmpty());
        if (!run.laters().isEmpty()) {
            CompletableFuture<CheckReport> last = CompletableFuture
                    .allOf(run.laters().stream().map(Later::result).toArray(CompletableFuture[]::new))
                    .handle((v, e) -> report(request, checkedAt, started, run.finalResults(), true));
            followUps.put(key, last);
            if (caching) {
                // The cache then holds the final report, unless a fresh run has replaced this one meanwhile.
                last.thenAccept(done -> cache.asMap().computeIfPresent(key, (k, current) ->
                        current.isDone() && !current.isCompletedExceptionally() && current.join() == preliminary
                                ? CompletableFuture.completedFuture(done) : current));
            }
        }
        return preliminary;
    }

    private CheckReport report(CheckRequest request, Instant checkedAt, long started, ProbeResults results, boolean isFinal) {
        Target target = request.target();
        Diagnosis diagnosis = diagnoser.diagnose(new DiagnosisInput(
                target, request.origins(), results, request.settings(), settings.thresholds(), request.timeout()));
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new CheckReport(target.host(), target.displayUrl(), checkedAt, elapsedMs, false,
                diagnosis.verdict(), diagnosis.findings(), results, request.settings(), isFinal);
    }

    /** A probe still running past the deadline, and the result it will give. */
    private record Later<R>(ProbeKey<R> key, CompletableFuture<R> result) {
    }

    /** What the probes saw at the deadline, and what is still coming. */
    private record Run(ProbeResults results, List<Later<?>> laters) {

        /** The results with every later one in (a later one that failed leaves the deadline's in place). */
        ProbeResults finalResults() {
            ProbeResults out = results;
            for (Later<?> later : laters) {
                out = withLater(out, later);
            }
            return out;
        }

        private static <R> ProbeResults withLater(ProbeResults results, Later<R> later) {
            R result = later.result().isCompletedExceptionally() ? null : later.result().join();
            return result == null ? results : results.with(later.key(), result);
        }
    }

    private Run probe(CheckRequest request) {
        Deadline deadline = Deadline.after(request.timeout());
        Deadline followUp = settings.followUp().isZero() ? null : Deadline.after(request.timeout().plus(settings.followUp()));
        // One end for collecting every probe, not a grace per probe: N late probes must not add up to N graces.
        Deadline collectBy = Deadline.after(request.timeout().plus(GRACE));
        AddressPolicy policy = request.allowPrivate() ? AddressPolicy.ALLOW_ALL : safePolicy;
        Target target = request.target();

        // The origin sources (the Cloudflare API) ask beside DNS, under a share of the deadline: when the check
        // has no origin of its own, the origin probes start only once they have answered, and need the rest of
        // the deadline themselves (an unanswered SYN is told from a slow one only at the end).
        Duration sourcesTime = sourcesTime(request.timeout());
        ProbeContext sourcesContext = new ProbeContext(target, List.of(), request.origins(), policy,
                Deadline.after(sourcesTime), null, ProbeResults.EMPTY, probePool);
        List<CompletableFuture<? extends ProbeOutcome<?>>> asking = new ArrayList<>();
        for (OriginSource<?> source : probes.originSources()) {
            asking.add(CompletableFuture.supplyAsync(() -> source.run(sourcesContext), probePool));
        }

        ProbeContext first = new ProbeContext(target, List.of(), request.origins(), policy, deadline, followUp,
                ProbeResults.EMPTY, probePool);
        ProbeResults.Builder builder = ProbeResults.builder();
        List<InetAddress> addresses = resolve(probes.resolver(), first, builder);

        // An origin given (origin= or the config) wins: then nothing waits for the sources before the probes.
        ProbeResults.Builder found = ProbeResults.builder();
        List<Later<?>> laters = new ArrayList<>();
        boolean sourcesFirst = request.origins().isEmpty();
        List<OriginEndpoint> origins = request.origins();
        ProbeResults earlier = builder.build();
        if (sourcesFirst) {
            Deadline sourcesBy = Deadline.after(sourcesTime.plus(GRACE));
            collectAll(probes.originSources(), asking, sourcesBy, found, laters);
            ProbeResults sourced = found.build();
            origins = originsFound(sourced, policy);
            for (ProbeResults.Entry<?> entry : sourced.entries()) {
                earlier = withEntry(earlier, entry);
            }
        }
        ProbeContext context = new ProbeContext(target, addresses, origins, policy, deadline, followUp,
                earlier, probePool);

        List<CompletableFuture<? extends ProbeOutcome<?>>> running = new ArrayList<>();
        for (Probe<?> probe : probes.probes()) {
            running.add(CompletableFuture.supplyAsync(() -> probe.run(context), probePool));
        }
        collectAll(probes.probes(), running, collectBy, builder, laters);
        if (!sourcesFirst) {
            collectAll(probes.originSources(), asking, collectBy, found, laters);
        }
        // The sources' results last: the report's JSON only ever grows at the end.
        for (ProbeResults.Entry<?> entry : found.build().entries()) {
            put(builder, entry);
        }
        return new Run(builder.build(), laters);
    }

    /** The part of the deadline the origin sources get: a share, capped, so the origin probes keep the most. */
    static Duration sourcesTime(Duration timeout) {
        Duration share = timeout.multipliedBy(SOURCES_SHARE_PERCENT).dividedBy(100);
        return share.compareTo(SOURCES_MAX) < 0 ? share : SOURCES_MAX;
    }

    /** The origins the sources named, each allowed by the policy, without repeats, at most {@link ProbeContext#MAX_ORIGINS}. */
    private List<OriginEndpoint> originsFound(ProbeResults sourced, AddressPolicy policy) {
        Set<OriginEndpoint> out = new LinkedHashSet<>();
        for (OriginSource<?> source : probes.originSources()) {
            for (OriginEndpoint origin : originsOf(source, sourced)) {
                if (out.size() < ProbeContext.MAX_ORIGINS && allowed(policy, origin)) {
                    out.add(origin);
                }
            }
        }
        return List.copyOf(out);
    }

    private static <R> List<OriginEndpoint> originsOf(OriginSource<R> source, ProbeResults results) {
        R result = results.get(source.key());
        return result == null ? List.of() : source.originsOf(result);
    }

    /** The sources check the policy themselves (and say so); this keeps a source from ever widening it. */
    private static boolean allowed(AddressPolicy policy, OriginEndpoint origin) {
        try {
            policy.requireAllowed(origin.address());
            return true;
        } catch (UnsafeAddressException e) {
            return false;
        }
    }

    private static <R> ProbeResults withEntry(ProbeResults results, ProbeResults.Entry<R> entry) {
        return results.with(entry.key(), entry.result());
    }

    private static <R> void put(ProbeResults.Builder into, ProbeResults.Entry<R> entry) {
        into.put(entry.key(), entry.result());
    }

    private static void collectAll(List<? extends Probe<?>> list, List<CompletableFuture<? extends ProbeOutcome<?>>> futures,
            Deadline collectBy, ProbeResults.Builder into, List<Later<?>> laters) {
        for (int i = 0; i < futures.size(); i++) {
            collect(list.get(i), futures.get(i), collectBy, into, laters);
        }
    }

    private static <R> List<InetAddress> resolve(AddressProbe<R> resolver, ProbeContext context, ProbeResults.Builder into) {
        R result = resolver.run(context).result();
        into.put(resolver.key(), result);
        return resolver.addressesOf(context.target(), result);
    }

    /** Waits for one probe until {@code collectBy}; a probe still running then is abandoned (not run). */
    @SuppressWarnings("unchecked")
    private static <R> void collect(Probe<R> probe, CompletableFuture<? extends ProbeOutcome<?>> future,
            Deadline collectBy, ProbeResults.Builder into, List<Later<?>> laters) {
        ProbeOutcome<R> outcome;
        try {
            outcome = (ProbeOutcome<R>) future.get(collectBy.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            outcome = ProbeOutcome.notRun();
        } catch (TimeoutException e) {
            future.cancel(true);
            outcome = ProbeOutcome.notRun();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new CheckFailedException("a probe failed", cause);
        }
        into.put(probe.key(), outcome.result());
        if (!outcome.isFinal()) {
            laters.add(new Later<>(probe.key(), outcome.later()));
        }
    }

    @Override
    public void close() {
        checkPool.shutdownNow();
        probePool.shutdownNow();
        probes.close();
    }
}
