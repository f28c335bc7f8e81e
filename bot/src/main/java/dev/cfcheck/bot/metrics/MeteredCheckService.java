package dev.cfcheck.bot.metrics;

import dev.cfcheck.check.CheckBusyException;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.diagnosis.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures every check at the {@link CheckService} seam, so that no adapter and no probe knows about
 * metrics:
 * <ul>
 *   <li>{@code cfcheck.check.duration} (Prometheus {@code cfcheck_check_duration_seconds}), a timer with a
 *       few histogram buckets, tagged with the verdict's {@code kind} and {@code severity} and whether the
 *       report was {@code cached} (a check that joined a run in flight is timed from its own request, and is not
 *       cached): its count is also the number of verdicts of each kind;</li>
 *   <li>{@code cfcheck.verdicts} ({@code cfcheck_verdicts_total}), the same verdicts counted by
 *       {@code severity} and {@code cached} only, every pair registered at zero from the start: alerts
 *       use it, because {@code increase()} cannot see the first event of a series that did not exist
 *       before it (the duration series appear with the first verdict of their kind);</li>
 *   <li>{@code cfcheck.check.failures} ({@code cfcheck_check_failures_total}), checks that failed instead of
 *       giving a report, tagged with the {@code exception}'s simple class name (a busy refusal is not one: it
 *       never ran, and the router counts it);</li>
 *   <li>{@code cfcheck.checks.in.flight} ({@code cfcheck_checks_in_flight}), checks waiting for their report now
 *       (requests, so those sharing one probe run each count).</li>
 * </ul>
 * No tag carries a domain, an address or anything else a user typed: the series stay few and hold no
 * one's data.
 */
public final class MeteredCheckService implements CheckService {

    static final String DURATION = "cfcheck.check.duration";
    static final String VERDICTS = "cfcheck.verdicts";
    static final String FAILURES = "cfcheck.check.failures";
    static final String IN_FLIGHT = "cfcheck.checks.in.flight";

    /**
     * Buckets for {@code histogram_quantile}: cached answers take milliseconds, a slow site a few seconds,
     * the default deadline is 10 s and the longest allowed 120 s.
     */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(60)};

    private final CheckService checks;
    private final MeterRegistry registry;
    private final AtomicInteger inFlight;
    private final Map<Severity, Counter> freshVerdicts = new EnumMap<>(Severity.class);
    private final Map<Severity, Counter> cachedVerdicts = new EnumMap<>(Severity.class);

    public MeteredCheckService(CheckService checks, MeterRegistry registry) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.inFlight = registry.gauge(IN_FLIGHT, new AtomicInteger());
        for (Severity severity : Severity.values()) {
            freshVerdicts.put(severity, verdicts(registry, severity, false));
            cachedVerdicts.put(severity, verdicts(registry, severity, true));
        }
    }

    @Override
    public CompletableFuture<CheckReport> check(CheckRequest request) {
        Timer.Sample sample = Timer.start(registry);
        inFlight.incrementAndGet();
        CompletableFuture<CheckReport> check;
        try {
            check = checks.check(request);
        } catch (RuntimeException | Error e) {
            check = CompletableFuture.failedFuture(e);
        }
        // Measured when the report comes, on whichever thread brings it; the caller gets the checker's own outcome.
        return check.whenComplete((report, error) -> {
            inFlight.decrementAndGet();
            if (error == null) {
                measure(sample, report);
            } else {
                failed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
    }

    @Override
    public CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        return checks.followUp(request, report);
    }

    private void measure(Timer.Sample sample, CheckReport report) {
        sample.stop(Timer.builder(DURATION)
                .description("Time to answer a check, by verdict kind and severity, and whether the cache answered")
                .tag("kind", report.verdict().kind().name())
                .tag("severity", report.verdict().severity().json())
                .tag("cached", Boolean.toString(report.cached()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
        (report.cached() ? cachedVerdicts : freshVerdicts).get(report.verdict().severity()).increment();
    }

    private void failed(Throwable e) {
        if (e instanceof CheckBusyException) {
            return; // not run at all: the router counts it as refused_busy
        }
        Counter.builder(FAILURES)
                .description("Checks that failed inside cfcheck instead of giving a report")
                .tag("exception", exceptionName(e))
                .register(registry)
                .increment();
    }

    private static Counter verdicts(MeterRegistry registry, Severity severity, boolean cached) {
        return Counter.builder(VERDICTS)
                .description("Verdicts given, by severity and whether the cache answered")
                .tag("severity", severity.json())
                .tag("cached", Boolean.toString(cached))
                .register(registry);
    }

    /** An anonymous class has no simple name; its enclosing class's name says more than "". */
    private static String exceptionName(Throwable e) {
        String simple = e.getClass().getSimpleName();
        return simple.isEmpty() ? e.getClass().getName().substring(e.getClass().getName().lastIndexOf('.') + 1) : simple;
    }
}
