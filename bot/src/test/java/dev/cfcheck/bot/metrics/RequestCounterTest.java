package dev.cfcheck.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.AccessRules;
import dev.cfcheck.bot.router.Admission;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.DomainPattern;
import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.RouterReply;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The router's outcomes, counted through its listener: a real CommandRouter over a scripted checker. */
class RequestCounterTest {

    private static final CommandContext ALICE = new CommandContext(Platform.SLACK, "T1", "C1", "U-alice");
    private static final CommandContext OTHER_WORKSPACE = new CommandContext(Platform.SLACK, "T2", "C1", "U-bob");
    private static final CommandContext CAROL = new CommandContext(Platform.DISCORD, "G1", "C9", "U-carol");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedCheckService checks = new ScriptedCheckService(r -> {
        if (r.target().host().startsWith("broken.")) {
            throw new IllegalStateException("probe pool gone");
        }
        return SampleReports.originTimeout(r.target().host());
    });

    private double count(String platform, String outcome) {
        return registry.get("cfcheck.requests").tags("platform", platform, "outcome", outcome).counter().count();
    }

    private static RouterReply replyOf(Admission admission) {
        return ((Admission.Started) admission).reply().join();
    }

    @Test
    void everyOutcomeIsCountedUnderItsPlatform() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RouterSettings settings = RouterSettings.DEFAULTS
                .withAccess(new AccessRules(Set.of("T1"), null, null, List.of(DomainPattern.parse("*.example.com"))))
                .withRateLimits(RateLimits.of(2, 100, Duration.ofMinutes(1)));
        try (CommandRouter router = CommandRouter.builder(checks).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS)
                .settings(settings).nanoTime(now::get).listener(new RequestCounter(registry)).build()) {

            router.submit(ALICE, "help");
            router.submit(ALICE, "ftp://shop.example.com");
            router.submit(OTHER_WORKSPACE, "shop.example.com");
            router.submit(ALICE, "shop.example.org");
            assertThat(replyOf(router.submit(ALICE, "shop.example.com"))).isInstanceOf(RouterReply.CardReply.class);
            assertThat(replyOf(router.submit(ALICE, "www.example.com"))).isInstanceOf(RouterReply.CardReply.class);
            router.submit(ALICE, "shop.example.com");
            router.rerun(ALICE, "ZZZZZZZZ");
            assertThat(replyOf(router.submit(CAROL, "broken.example.com"))).isInstanceOf(RouterReply.Failure.class);
        }

        assertThat(count("slack", "answered")).isEqualTo(3);          // help and two cards
        assertThat(count("slack", "bad_input")).isEqualTo(2);         // ftp:// and an expired Re-run
        assertThat(count("slack", "refused_access")).isEqualTo(2);    // another workspace, a domain not listed
        assertThat(count("slack", "refused_rate_limit")).isEqualTo(1);
        assertThat(count("slack", "failed")).isZero();
        assertThat(count("discord", "failed")).isEqualTo(1);
        assertThat(count("discord", "answered")).isZero();
    }

    @Test
    void aFullQueueIsCountedAsBusy() throws Exception {
        ScriptedCheckService held = new ScriptedCheckService(r -> SampleReports.healthy(r.target().host())).hold().capacity(2);
        try (CommandRouter router = CommandRouter.builder(held).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS)
                .listener(new RequestCounter(registry)).build()) {
            Admission running = router.submit(CommandContext.console(), "one.example.com");
            held.awaitStarted();
            Admission queued = router.submit(CommandContext.console(), "two.example.com");
            Admission refused = router.submit(CommandContext.console(), "three.example.com");

            assertThat(refused).isInstanceOf(Admission.Answered.class);
            assertThat(count("console", "refused_busy")).isEqualTo(1);
            held.release();
            replyOf(running);
            replyOf(queued);
        }
        assertThat(count("console", "answered")).isEqualTo(2);
    }

    @Test
    void everyPlatformAndOutcomeStartsAtZero() {
        new RequestCounter(registry);

        assertThat(registry.find("cfcheck.requests").counters()).hasSize(3 * 6)
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void aListenerThatThrowsCostsNobodyTheirAnswer() {
        try (CommandRouter router = CommandRouter.builder(checks).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS)
                .listener((platform, outcome) -> {
                    throw new IllegalStateException("registry closed");
                }).build()) {

            assertThat(router.submit(ALICE, "help")).isInstanceOf(Admission.Answered.class);
            Admission started = router.submit(ALICE, "shop.example.com");
            assertThat(replyOf(started)).isInstanceOf(RouterReply.CardReply.class);
        }
    }
}
