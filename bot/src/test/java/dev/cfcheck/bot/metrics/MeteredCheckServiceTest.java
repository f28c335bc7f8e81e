package dev.cfcheck.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.TestInputs;
import dev.cfcheck.check.CheckBusyException;
import dev.cfcheck.check.CheckFailedException;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class MeteredCheckServiceTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    private static CheckRequest request(String domain) {
        return CheckRequestFactory.withTimeout(Duration.ofSeconds(10))
                .create(TestInputs.TARGETS.validate(domain), List.of(), false);
    }

    @Test
    void aVerdictIsTimedUnderItsKindSeverityAndWhetherTheCacheAnswered() {
        // The checker "takes" 3 s of the registry's clock on a fresh run and nothing when the cache answers.
        CheckService checker = r -> {
            if (r.target().host().startsWith("cached.")) {
                return CompletableFuture.completedFuture(SampleReports.originTimeout(r.target().host()).asCached());
            }
            clock.add(Duration.ofSeconds(3));
            return CompletableFuture.completedFuture(SampleReports.originTimeout(r.target().host()));
        };
        MeteredCheckService metered = new MeteredCheckService(checker, registry);

        metered.checkAndWait(request("shop.example.com"));
        metered.checkAndWait(request("cached.example.com"));
        metered.checkAndWait(request("cached.example.com"));

        Timer fresh = registry.get("cfcheck.check.duration")
                .tags("kind", "ORIGIN_TIMEOUT", "severity", "critical", "cached", "false").timer();
        Timer cached = registry.get("cfcheck.check.duration")
                .tags("kind", "ORIGIN_TIMEOUT", "severity", "critical", "cached", "true").timer();
        assertThat(fresh.count()).isEqualTo(1);
        assertThat(fresh.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
        assertThat(cached.count()).isEqualTo(2);
        assertThat(cached.totalTime(TimeUnit.SECONDS)).isZero();
        assertThat(registry.get("cfcheck.verdicts").tags("severity", "critical", "cached", "true").counter().count()).isEqualTo(2);
        assertThat(registry.find("cfcheck.check.failures").counters()).isEmpty();
    }

    @Test
    void healthyAndCriticalVerdictsAreSeparateSeries() {
        CheckService checker = r -> CompletableFuture.completedFuture(r.target().host().startsWith("down.")
                ? SampleReports.originTimeout(r.target().host())
                : SampleReports.healthy(r.target().host()));
        MeteredCheckService metered = new MeteredCheckService(checker, registry);

        metered.checkAndWait(request("down.example.com"));
        metered.checkAndWait(request("up.example.com"));
        metered.checkAndWait(request("up.example.com"));

        assertThat(registry.get("cfcheck.check.duration").tags("kind", "HEALTHY", "severity", "ok").timer().count()).isEqualTo(2);
        assertThat(registry.get("cfcheck.check.duration").tags("severity", "critical").timer().count()).isEqualTo(1);
        assertThat(registry.get("cfcheck.verdicts").tags("severity", "ok", "cached", "false").counter().count()).isEqualTo(2);
        assertThat(registry.get("cfcheck.verdicts").tags("severity", "critical", "cached", "false").counter().count()).isEqualTo(1);
    }

    @Test
    void everyVerdictSeverityIsCountedFromZeroSoThatTheFirstCriticalOneCanAlert() {
        new MeteredCheckService(r -> CompletableFuture.completedFuture(SampleReports.healthy(r.target().host())), registry);

        assertThat(registry.find("cfcheck.verdicts").counters()).hasSize(4 * 2).allSatisfy(c -> assertThat(c.count()).isZero());
        // The duration series, tagged by kind, only appear with the first verdict of their kind.
        assertThat(registry.find("cfcheck.check.duration").timers()).isEmpty();
    }

    @Test
    void aCheckThatFailsIsCountedByExceptionAndTheExceptionReachesTheCaller() {
        IllegalStateException broken = new IllegalStateException("knowledge base missing");
        MeteredCheckService metered = new MeteredCheckService(r -> {
            if (r.target().host().startsWith("deadline.")) {
                return CompletableFuture.failedFuture(new CheckFailedException("checker overran its deadline", new TimeoutException()));
            }
            throw broken; // a checker that throws instead of failing its future counts the same
        }, registry);

        assertThatThrownBy(() -> metered.checkAndWait(request("shop.example.com"))).isSameAs(broken);
        assertThatThrownBy(() -> metered.checkAndWait(request("shop.example.com"))).isSameAs(broken);
        assertThatThrownBy(() -> metered.checkAndWait(request("deadline.example.com"))).isInstanceOf(CheckFailedException.class);

        assertThat(registry.get("cfcheck.check.failures").tag("exception", "IllegalStateException").counter().count()).isEqualTo(2);
        assertThat(registry.get("cfcheck.check.failures").tag("exception", "CheckFailedException").counter().count()).isEqualTo(1);
        // A check without a report has no verdict to tag a duration with.
        assertThat(registry.find("cfcheck.check.duration").timers()).isEmpty();
        assertThat(registry.get("cfcheck.checks.in.flight").gauge().value()).isZero();
    }

    @Test
    void aCheckIsInFlightUntilItsReportComesNotUntilTheCallReturns() {
        CompletableFuture<CheckReport> pending = new CompletableFuture<>();
        MeteredCheckService metered = new MeteredCheckService(r -> pending, registry);

        assertThat(registry.get("cfcheck.checks.in.flight").gauge().value()).isZero();
        CompletableFuture<CheckReport> check = metered.check(request("shop.example.com"));

        assertThat(check).isNotDone();
        assertThat(registry.get("cfcheck.checks.in.flight").gauge().value()).isEqualTo(1.0);
        pending.complete(SampleReports.healthy("shop.example.com"));
        assertThat(check).isCompleted();
        assertThat(registry.get("cfcheck.checks.in.flight").gauge().value()).isZero();
        assertThat(registry.get("cfcheck.check.duration").tags("kind", "HEALTHY").timer().count()).isEqualTo(1);
    }

    @Test
    void aBusyRefusalIsNotAFailureAndReachesTheCallerAtOnce() {
        MeteredCheckService metered = new MeteredCheckService(
                r -> CompletableFuture.failedFuture(new CheckBusyException(Duration.ofSeconds(11))), registry);

        CompletableFuture<CheckReport> check = metered.check(request("shop.example.com"));

        assertThat(check).isCompletedExceptionally();
        assertThatThrownBy(() -> metered.checkAndWait(request("shop.example.com"))).isInstanceOf(CheckBusyException.class);
        assertThat(registry.find("cfcheck.check.failures").counters()).isEmpty();
        assertThat(registry.get("cfcheck.checks.in.flight").gauge().value()).isZero();
    }

    @Test
    void theFollowUpIsTheCheckersOwn() {
        CheckReport preliminary = SampleReports.edgeSilentPreliminary("shop.example.com");
        CheckReport last = SampleReports.originTimeout("shop.example.com");
        CheckService checker = new CheckService() {
            @Override
            public CompletableFuture<CheckReport> check(CheckRequest request) {
                return CompletableFuture.completedFuture(preliminary);
            }

            @Override
            public CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
                return CompletableFuture.completedFuture(last);
            }
        };
        MeteredCheckService metered = new MeteredCheckService(checker, registry);

        assertThat(metered.followUp(request("shop.example.com"), preliminary).join()).isSameAs(last);
    }
}
