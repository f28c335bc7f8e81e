package dev.cfcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.AddressProbe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.site.Target;
import dev.cfcheck.testing.LoopbackSite;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker's cache and admission with real probes against a loopback site: one probe run per key however many
 * checks ask at once, {@code fresh} runs again and replaces the cached report, a failed run is never served
 * again, and the bound on probe runs counts distinct runs, not checks.
 * The probes are the live ones, wrapped so that a test can hold a run in flight or make one crash.
 */
class CheckerCacheTest {

    @TempDir
    Path dir;

    private LoopbackSite site;
    private ProbeList live;
    private ControlledDns dns;
    private ProbeList probes;
    private Checker checker;

    @BeforeEach
    void start() throws Exception {
        site = LoopbackSite.start(dir);
        // Every page request gets this (the edge's dispatcher answers /cdn-cgi/trace itself).
        site.edgeDispatcher().setFailFast(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());
        live = LiveProbes.create(site.dns().address(), CloudflareRanges.of(List.of(Cidr.parse("127.0.0.0/8"))),
                TrustMaterial.withExtraCas(site.caFile()), SafeAddressPolicy.forChecks(false));
        dns = new ControlledDns((DnsProbe) live.resolver());
        probes = new ProbeList(dns, live.probes());
        checker = new Checker(probes, SafeAddressPolicy.forChecks(false), new Diagnoser(KnowledgeBase.load()),
                new CheckerSettings(Duration.ofMinutes(10), 100, 16, Thresholds.DEFAULTS), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        checker.close();
        live.close();
        site.close();
    }

    @Test
    void concurrentChecksOfOneKeyWhileTheFirstIsInFlightShareOneProbeRun() throws Exception {
        int callers = 8;
        dns.holdDns();
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<CheckReport>> reports = new ArrayList<>();
            CountDownLatch calling = new CountDownLatch(callers);
            for (int i = 0; i < callers; i++) {
                reports.add(threads.submit(() -> {
                    calling.countDown();
                    return checker.checkAndWait(site.request(List.of()));
                }));
            }
            assertThat(dns.dnsEntered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(calling.await(30, TimeUnit.SECONDS)).isTrue();
            dns.releaseDns();

            List<CheckReport> all = new ArrayList<>();
            for (Future<CheckReport> report : reports) {
                all.add(report.get(30, TimeUnit.SECONDS));
            }
            assertThat(checker.probeRuns()).isEqualTo(1);
            assertThat(all).extracting(CheckReport::checkedAt).containsOnly(all.get(0).checkedAt());
            assertThat(site.edgeDispatcher().pageRequests()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void freshCheckRunsAgainAndReplacesTheCachedReport() {
        CheckReport first = checker.checkAndWait(site.request(List.of()));
        CheckReport fresh = checker.checkAndWait(site.request(List.of()).withFresh(true));
        CheckReport after = checker.checkAndWait(site.request(List.of()));

        assertThat(fresh.cached()).isFalse();
        assertThat(fresh.checkedAt()).isAfterOrEqualTo(first.checkedAt());
        assertThat(after.cached()).isTrue();
        assertThat(after.checkedAt()).isEqualTo(fresh.checkedAt());
        assertThat(checker.probeRuns()).isEqualTo(2);
    }

    @Test
    void cacheOfSizeZeroServesNothing() {
        try (Checker uncached = new Checker(probes, SafeAddressPolicy.forChecks(false), new Diagnoser(KnowledgeBase.load()),
                new CheckerSettings(Duration.ofMinutes(10), 0, 16, Thresholds.DEFAULTS), Clock.systemUTC())) {
            CheckReport first = uncached.checkAndWait(site.request(List.of()));
            CheckReport second = uncached.checkAndWait(site.request(List.of()));

            assertThat(first.cached()).isFalse();
            assertThat(second.cached()).isFalse();
            assertThat(uncached.probeRuns()).isEqualTo(2);
            assertThat(site.edgeDispatcher().pageRequests()).isEqualTo(2);
        }
    }

    @Test
    void probeRunThatCrashedIsNotServedToTheNextCheck() {
        dns.crashNextDns();

        assertThatThrownBy(() -> checker.checkAndWait(site.request(List.of()))).hasMessageContaining("probe crashed");
        CheckReport retry = checker.checkAndWait(site.request(List.of()));

        assertThat(retry.cached()).isFalse();
        assertThat(retry.verdict()).isNotNull();
        assertThat(checker.probeRuns()).isEqualTo(2);
    }

    @Test
    void admissionBoundsDistinctProbeRunsNotTheChecksThatJoinThem() throws Exception {
        // Two runs at once and one waiting: three distinct checks in all.
        try (Checker small = new Checker(probes, SafeAddressPolicy.forChecks(false), new Diagnoser(KnowledgeBase.load()),
                new CheckerSettings(Duration.ofMinutes(10), 100, 2, Thresholds.DEFAULTS, Duration.ZERO, 1), Clock.systemUTC())) {
            dns.holdDns();
            List<CompletableFuture<CheckReport>> taken = new ArrayList<>();
            for (String path : List.of("a", "b", "c")) {
                taken.add(small.check(pathRequest(path)));
            }
            for (int i = 0; i < 50; i++) {
                taken.add(small.check(pathRequest(List.of("a", "b", "c").get(i % 3))));
            }
            CompletableFuture<CheckReport> refused = small.check(pathRequest("d"));

            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).cause().isInstanceOfSatisfying(CheckBusyException.class,
                    busy -> assertThat(busy.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
            assertThat(taken).noneMatch(CompletableFuture::isDone);

            dns.releaseDns();
            for (CompletableFuture<CheckReport> report : taken) {
                assertThat(report.get(30, TimeUnit.SECONDS).verdict()).isNotNull();
            }
            assertThat(small.probeRuns()).isEqualTo(3);
            // The runs have ended, so their slots are free: the check refused a moment ago runs now.
            assertThat(small.checkAndWait(pathRequest("d")).cached()).isFalse();
            assertThat(small.probeRuns()).isEqualTo(4);
        }
    }

    /** The site's URL with this path: a distinct check (and cache key) per path, all on the one loopback site. */
    private CheckRequest pathRequest(String path) {
        return site.request(site.url() + path, List.of(), Duration.ofSeconds(10), DomainSettings.NONE);
    }

    /** The live DNS probe, held on a latch or made to throw once by the test. */
    private static final class ControlledDns implements AddressProbe<DnsResult> {
        final DnsProbe live;
        final CountDownLatch dnsEntered = new CountDownLatch(1);
        private volatile CountDownLatch dnsGate = new CountDownLatch(0);
        private final AtomicBoolean crashNext = new AtomicBoolean();

        ControlledDns(DnsProbe live) {
            this.live = live;
        }

        void holdDns() {
            dnsGate = new CountDownLatch(1);
        }

        void releaseDns() {
            dnsGate.countDown();
        }

        void crashNextDns() {
            crashNext.set(true);
        }

        @Override
        public ProbeKey<DnsResult> key() {
            return DnsProbe.KEY;
        }

        @Override
        public ProbeOutcome<DnsResult> run(ProbeContext context) {
            dnsEntered.countDown();
            if (crashNext.getAndSet(false)) {
                throw new IllegalStateException("probe crashed");
            }
            try {
                dnsGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return live.run(context);
        }

        @Override
        public List<InetAddress> addressesOf(Target target, DnsResult result) {
            return live.addressesOf(target, result);
        }
    }
}
