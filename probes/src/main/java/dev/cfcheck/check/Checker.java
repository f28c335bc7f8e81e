package dev.cfcheck.check;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cfcheck.diagnosis.Diagnoser;
import dev.cfcheck.diagnosis.Diagnosis;
import dev.cfcheck.diagnosis.DiagnosisInput;
import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a check: DNS first, then the edge and the origin probes concurrently, all under one deadline; then
 * the diagnosis. Reports are cached (Caffeine, keyed by {@link CacheKey}); concurrent checks of the same key
 * share one probe run, and {@code fresh} bypasses the cache (and refreshes it).
 */
public final class Checker implements CheckService, AutoCloseable {

    /** Probes set their own timeouts from the deadline; this is only the slack for threads to hand back. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private final Probes probes;
    private final AddressPolicy safePolicy;
    private final Diagnoser diagnoser;
    private final CheckerSettings settings;
    private final Clock clock;
    private final AsyncCache<CacheKey, CheckReport> cache;
    /** Runs whole checks; its size is the bound on checks probing at once (more wait in its queue). */
    private final ExecutorService checkPool;
    /** Runs the probes of running checks; sized so a running check never waits for a probe thread. */
    private final ExecutorService probePool;
    private final AtomicLong probeRuns = new AtomicLong();

    /**
     * @param probes     the probes to run
     * @param safePolicy the safe-target policy applied unless a request allows private targets
     * @param diagnoser  turns probe results into a diagnosis
     * @param settings   cache, concurrency and thresholds
     * @param clock      the time stamped on reports
     */
    public Checker(Probes probes, AddressPolicy safePolicy, Diagnoser diagnoser, CheckerSettings settings, Clock clock) {
        this.probes = Objects.requireNonNull(probes);
        this.safePolicy = Objects.requireNonNull(safePolicy);
        this.diagnoser = Objects.requireNonNull(diagnoser);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.checkPool = Executors.newFixedThreadPool(settings.maxParallelChecks(), new DaemonThreads("cfcheck-check-"));
        // Per check: the edge, plus a probe and a handshake per origin (at most MAX_ORIGINS).
        this.probePool = Executors.newFixedThreadPool(
                settings.maxParallelChecks() * (1 + 2 * CheckRequest.MAX_ORIGINS), new DaemonThreads("cfcheck-probe-"));
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxSize())
                .expireAfterWrite(settings.cacheTtl())
                .buildAsync();
    }

    /**
     * @throws dev.cfcheck.site.UnsafeAddressException when an origin is an address the safe-target policy refuses
     * @throws CheckFailedException when the check itself failed (not a finding about the site)
     */
    @Override
    public CheckReport check(CheckRequest request) {
        AddressPolicy policy = request.allowPrivate() ? AddressPolicy.ALLOW_ALL : safePolicy;
        request.origins().forEach(origin -> policy.requireAllowed(origin.address()));
        // A size of 0 means no cache too: Caffeine would evict such an entry only later, in its maintenance.
        boolean caching = !settings.cacheTtl().isZero() && settings.cacheMaxSize() > 0;
        if (!caching) {
            return await(CompletableFuture.supplyAsync(() -> probeAndDiagnose(request), checkPool), request.timeout());
        }
        CacheKey key = CacheKey.of(request);
        CompletableFuture<CheckReport> future;
        boolean servedFromCache;
        if (request.fresh()) {
            future = CompletableFuture.supplyAsync(() -> probeAndDiagnose(request), checkPool);
            cache.put(key, future); // later checks of the key get (or join) this run
            servedFromCache = false;
        } else {
            boolean[] created = {false};
            future = cache.get(key, (k, executor) -> {
                created[0] = true;
                return CompletableFuture.supplyAsync(() -> probeAndDiagnose(request), checkPool);
            });
            if (!created[0] && future.isCompletedExceptionally()) {
                // Another check's run that failed a moment ago, its removal callback not run yet: not an answer.
                cache.asMap().remove(key, future);
                return check(request);
            }
            // A report already complete when we asked is a cache hit; joining a run in flight is not.
            servedFromCache = !created[0] && future.isDone();
        }
        try {
            CheckReport report = await(future, request.timeout());
            return servedFromCache ? report.asCached() : report;
        } catch (RuntimeException e) {
            // Caffeine drops a failed future in a callback that may run after this thread has woken up: drop it
            // here, so that a retry right after a failure runs the probes again instead of getting the failure.
            cache.asMap().remove(key, future);
            throw e;
        }
    }

    /** How many probe runs (DNS + edge + origin) have started since this checker was made: the benchmark reads it. */
    public long probeRuns() {
        return probeRuns.get();
    }

    private CheckReport await(CompletableFuture<CheckReport> future, Duration timeout) {
        // Waiting for a turn (bounded concurrency) plus the check's own deadline plus slack.
        long waitMs = timeout.toMillis() * 2 + GRACE.toMillis() * 2;
        try {
            return future.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException("interrupted while waiting for the check", e);
        } catch (TimeoutException e) {
            throw new CheckFailedException("the check did not finish in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new CheckFailedException("the check failed", cause);
        }
    }

    private CheckReport probeAndDiagnose(CheckRequest request) {
        probeRuns.incrementAndGet();
        return run(request);
    }

    private CheckReport run(CheckRequest request) {
        Instant checkedAt = clock.instant();
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(request.timeout());
        // One end for collecting every probe, not a grace per probe: N late probes must not add up to N graces.
        Deadline collectBy = Deadline.after(request.timeout().plus(GRACE));
        Target target = request.target();
        AddressPolicy policy = request.allowPrivate() ? AddressPolicy.ALLOW_ALL : safePolicy;

        DnsResult dns = null;
        List<InetAddress> addresses;
        Optional<InetAddress> literal = IpLiteral.parse(target.host());
        if (literal.isPresent()) {
            addresses = List.of(literal.get()); // nothing to resolve: the user named the address
        } else {
            dns = probes.dns(target.host(), deadline);
            addresses = dns.status() == DnsStatus.OK
                    ? dns.addresses().stream().map(IpLiteral::parse).flatMap(Optional::stream).toList()
                    : List.of();
        }

        CompletableFuture<EdgeResult> edge = addresses.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> probes.edge(target, addresses, policy, deadline), probePool);

        List<CompletableFuture<OriginResult>> origins = new ArrayList<>();
        List<CompletableFuture<TlsResult>> handshakes = new ArrayList<>();
        for (OriginEndpoint origin : request.origins()) {
            origins.add(CompletableFuture.supplyAsync(() -> probes.origin(target, origin, deadline), probePool));
            handshakes.add(CompletableFuture.supplyAsync(() -> probes.tls(target, origin, deadline), probePool));
        }

        ProbeResults results = new ProbeResults(
                dns,
                join(edge, collectBy),
                request.origins().isEmpty() ? null : joinAll(origins, collectBy),
                request.origins().isEmpty() ? null : joinAll(handshakes, collectBy));
        Diagnosis diagnosis = diagnoser.diagnose(new DiagnosisInput(
                target, request.origins(), results, request.settings(), settings.thresholds()));
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new CheckReport(target.host(), target.displayUrl(), checkedAt, elapsedMs, false,
                diagnosis.verdict(), diagnosis.findings(), results, request.settings());
    }

    /** Waits for one probe until {@code collectBy}; a probe still running then is abandoned. */
    private static <T> T join(CompletableFuture<T> future, Deadline collectBy) {
        try {
            return future.get(collectBy.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return null;
        } catch (TimeoutException e) {
            future.cancel(true);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new CheckFailedException("a probe failed", cause);
        }
    }

    private static <T> List<T> joinAll(List<CompletableFuture<T>> futures, Deadline collectBy) {
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : futures) {
            T result = join(f, collectBy);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    @Override
    public void close() {
        checkPool.shutdownNow();
        probePool.shutdownNow();
        if (probes instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing releases threads only; nothing is left to report at shutdown.
            }
        }
    }
}
