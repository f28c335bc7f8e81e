package dev.cfcheck.bot.router;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.diagnosis.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommandRouterTest {

    private static final CommandContext SLACK = new CommandContext(Platform.SLACK, "T1", "C1", "U-alice");

    private final AtomicLong nanos = new AtomicLong();
    private CommandRouter router;

    private CommandRouter router(ScriptedCheckService checks, RouterSettings settings) {
        router = CommandRouter.builder(checks)
                .targets(TestInputs.TARGETS)
                .origins(TestInputs.ORIGINS)
                .settings(settings)
                .clock(Clock.fixed(SampleReports.CHECKED_AT.plusSeconds(5), ZoneOffset.UTC))
                .nanoTime(nanos::get)
                .build();
        return router;
    }

    @AfterEach
    void close() {
        if (router != null) {
            router.close();
        }
    }

    private static ScriptedCheckService timeouts() {
        return new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    }

    private static RouterReply await(Admission a) throws Exception {
        assertThat(a).isInstanceOf(Admission.Started.class);
        return ((Admission.Started) a).reply().get(30, TimeUnit.SECONDS);
    }

    @Test
    void checkRunsOffTheCallersThreadAndComesBackAsARedactedCard() throws Exception {
        ScriptedCheckService checks = timeouts();
        router(checks, RouterSettings.DEFAULTS);

        Admission a = router.submit(SLACK, "/cfcheck example.com origin=203.0.113.7");
        Admission.Started started = (Admission.Started) a;
        assertThat(started.ackText()).isEqualTo("checking example.com…");
        assertThat(started.referenceId()).matches("[A-Z2-7]{8}");

        RouterReply reply = await(a);
        assertThat(reply).isInstanceOf(RouterReply.CardReply.class);
        var card = ((RouterReply.CardReply) reply).card();
        assertThat(card.kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
        assertThat(card.context().referenceId()).isEqualTo(started.referenceId());
        assertThat(card.toString()).doesNotContain("203.0.113.7").contains("$ORIGIN_IP");

        CheckRequest request = checks.requests().get(0);
        assertThat(request.target().host()).isEqualTo("example.com");
        assertThat(request.origins()).extracting(o -> o.ip()).containsExactly("203.0.113.7");
        assertThat(request.fresh()).isFalse();
        assertThat(checks.threads().get(0)).startsWith("scripted-check-").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void showOriginAddressKeepsTheIpOnTheCard() throws Exception {
        router(timeouts(), RouterSettings.DEFAULTS.withShowOriginAddress(true));

        var card = ((RouterReply.CardReply) await(router.submit(SLACK, "example.com"))).card();

        assertThat(card.field("Origin").value()).startsWith("203.0.113.7:");
    }

    @Test
    void admissionDoesNotWaitForTheCheck() throws Exception {
        ScriptedCheckService checks = timeouts().hold();
        router(checks, RouterSettings.DEFAULTS);

        Admission.Started started = (Admission.Started) router.submit(SLACK, "example.com");
        checks.awaitStarted();
        assertThat(started.reply()).isNotDone();

        checks.release();
        assertThat(started.reply().get(30, TimeUnit.SECONDS)).isInstanceOf(RouterReply.CardReply.class);
    }

    @Test
    void helpAndBadInputAreAnsweredAtOnceWithoutACheck() {
        ScriptedCheckService checks = timeouts();
        router(checks, RouterSettings.DEFAULTS);

        Admission help = router.submit(SLACK, "help");
        assertThat(help).isEqualTo(new Admission.Answered(new RouterReply.Help(HelpText.TEXT)));
        Admission bad = router.submit(SLACK, "not a domain");
        assertThat(((RouterReply.Refusal) ((Admission.Answered) bad).reply()).text()).contains("one domain or URL at a time");
        Admission badTarget = router.submit(SLACK, "ftp://example.com");
        assertThat(((RouterReply.Refusal) ((Admission.Answered) badTarget).reply()).text()).isEqualTo("only http and https URLs can be checked");
        Admission badOrigin = router.submit(SLACK, "example.com origin=origin.example.net");
        assertThat(((RouterReply.Refusal) ((Admission.Answered) badOrigin).reply()).text()).startsWith("origin must be an IP address");
        assertThat(checks.requests()).isEmpty();
    }

    @Test
    void accessRulesRefuseBeforeAnyCheck() {
        ScriptedCheckService checks = timeouts();
        AccessRules rules = new AccessRules(Set.of("T1"), null, null, List.of(DomainPattern.parse("*.example.com")));
        router(checks, RouterSettings.DEFAULTS.withAccess(rules));

        assertThat(router.submit(new CommandContext(Platform.SLACK, "T2", "C1", "U"), "www.example.com"))
                .isEqualTo(new Admission.Answered(new RouterReply.Refusal("cfcheck is not enabled for this workspace.")));
        assertThat(router.submit(SLACK, "example.org")).isInstanceOf(Admission.Answered.class);
        assertThat(router.submit(SLACK, "www.example.com")).isInstanceOf(Admission.Started.class);
        assertThat(router.submit(CommandContext.console(), "example.org")).isInstanceOf(Admission.Started.class);
    }

    @Test
    void rateLimitRefusalSaysWhenToRetry() {
        router(timeouts(), RouterSettings.DEFAULTS.withRateLimits(RateLimits.of(1, 10, Duration.ofMinutes(1))));

        assertThat(router.submit(SLACK, "example.com")).isInstanceOf(Admission.Started.class);
        Admission refused = router.submit(SLACK, "example.com");
        assertThat(((RouterReply.Refusal) ((Admission.Answered) refused).reply()).text())
                .isEqualTo("Slow down: you can start 1 check per 1 min. Try again in 1 min.");
    }

    @Test
    void rerunRunsAFreshCheckAndDetailsShowTheFullEvidence() throws Exception {
        ScriptedCheckService checks = timeouts();
        router(checks, RouterSettings.DEFAULTS);
        Admission.Started first = (Admission.Started) router.submit(SLACK, "example.com origin=203.0.113.7");
        await(first);

        Admission again = router.rerun(SLACK, first.referenceId());
        RouterReply reply = await(again);
        assertThat(checks.requests()).hasSize(2);
        assertThat(checks.requests().get(1).fresh()).isTrue();
        assertThat(checks.requests().get(1).origins()).isEqualTo(checks.requests().get(0).origins());
        assertThat(((Admission.Started) again).referenceId()).isNotEqualTo(first.referenceId());
        assertThat(((RouterReply.CardReply) reply).card().toString()).doesNotContain("203.0.113.7");

        RouterReply details = router.details(SLACK, first.referenceId());
        assertThat(details).isInstanceOf(RouterReply.DetailsReply.class);
        assertThat(((RouterReply.DetailsReply) details).details().toString()).contains("203.0.113.7");
    }

    @Test
    void buttonsFromAnotherWorkspaceOrUnknownIdsAreExpired() throws Exception {
        router(timeouts(), RouterSettings.DEFAULTS);
        Admission.Started first = (Admission.Started) router.submit(SLACK, "example.com");
        await(first);
        CommandContext elsewhere = new CommandContext(Platform.SLACK, "T-other", "C1", "U");

        assertThat(router.details(elsewhere, first.referenceId())).isEqualTo(RouterReply.Refusal.EXPIRED);
        assertThat(router.rerun(SLACK, "ZZZZZZZZ")).isEqualTo(new Admission.Answered(RouterReply.Refusal.EXPIRED));
        assertThat(router.rerun(SLACK, "<!channel>")).isEqualTo(new Admission.Answered(RouterReply.Refusal.EXPIRED));

        nanos.addAndGet(RouterSettings.DEFAULTS.recentCheckTtl().plusSeconds(1).toNanos());
        assertThat(router.details(SLACK, first.referenceId())).isEqualTo(RouterReply.Refusal.EXPIRED);
    }

    @Test
    void aFailureInsideIsAnApologyWithTheReferenceId() throws Exception {
        ScriptedCheckService checks = new ScriptedCheckService(r -> {
            throw new IllegalStateException("boom at dev.cfcheck.Secret.line(42)");
        });
        router(checks, RouterSettings.DEFAULTS);

        Admission.Started started = (Admission.Started) router.submit(SLACK, "example.com");
        RouterReply reply = started.reply().get(30, TimeUnit.SECONDS);

        assertThat(reply).isInstanceOf(RouterReply.Failure.class);
        RouterReply.Failure failure = (RouterReply.Failure) reply;
        assertThat(failure.referenceId()).isEqualTo(started.referenceId());
        assertThat(failure.text()).contains("Sorry").contains(started.referenceId()).doesNotContain("boom").doesNotContain("Secret");
    }

    @Test
    void aCheckerWithNoRoomForAnotherRunGetsTheOneLineBusyRefusalAtOnce() throws Exception {
        ScriptedCheckService checks = timeouts().hold().capacity(2);
        router(checks, RouterSettings.DEFAULTS);

        Admission running = router.submit(CommandContext.console(), "one.example.com");
        checks.awaitStarted();
        Admission queued = router.submit(CommandContext.console(), "two.example.com");
        Admission busy = router.submit(CommandContext.console(), "three.example.com");

        assertThat(running).isInstanceOf(Admission.Started.class);
        assertThat(queued).isInstanceOf(Admission.Started.class);
        assertThat(busy).isEqualTo(new Admission.Answered(new RouterReply.Refusal("cfcheck is busy with other checks. Try again in 10 s.")));
        checks.release();
        assertThat(await(running)).isInstanceOf(RouterReply.CardReply.class);
        assertThat(await(queued)).isInstanceOf(RouterReply.CardReply.class);
    }

    @Test
    void closeWaitsForTheRunningCheckAndThenRefuses() throws Exception {
        ScriptedCheckService checks = timeouts().hold();
        router(checks, RouterSettings.DEFAULTS);
        Admission.Started started = (Admission.Started) router.submit(CommandContext.console(), "example.com");
        checks.awaitStarted();

        Thread closer = new Thread(router::close);
        closer.start();
        Admission late;
        do {
            Thread.onSpinWait();
            late = router.submit(CommandContext.console(), "example.com");
        } while (late instanceof Admission.Started);
        assertThat(late).isEqualTo(new Admission.Answered(new RouterReply.Refusal("cfcheck is shutting down. Try again in a minute.")));
        assertThat(started.reply()).isNotDone();

        checks.release();
        closer.join();
        assertThat(started.reply()).isCompleted();
        assertThat(started.reply().get()).isInstanceOf(RouterReply.CardReply.class);
    }

    @Test
    void oneLogLinePerCheckWithAHashedUser() throws Exception {
        try (CheckLogCapture lines = new CheckLogCapture()) {
            router(timeouts(), RouterSettings.DEFAULTS);
            Admission.Started started = (Admission.Started) router.submit(SLACK, "example.com");
            await(started);

            assertThat(lines.list()).hasSize(1);
            String line = lines.list().get(0).getFormattedMessage();
            assertThat(line).isEqualTo("check platform=slack workspace=T1 channel=C1 user=" + CheckLog.hashedUser("U-alice")
                    + " target=example.com kind=ORIGIN_TIMEOUT code=522 elapsedMs=" + line.replaceAll(".*elapsedMs=(\\d+).*", "$1")
                    + " cached=false ref=" + started.referenceId());
            assertThat(line).doesNotContain("U-alice");
            assertThat(CheckLog.value("a b\nkind=HEALTHY")).isEqualTo("a_b_kind_HEALTHY");
        }
    }

    @Test
    void aCheckThatOverrunsItsDeadlineIsLoggedOnceEvenWhenItFinishesLate() throws Exception {
        try (CheckLogCapture lines = new CheckLogCapture()) {
            ScriptedCheckService checks = timeouts().hold();
            router = CommandRouter.builder(checks)
                    .targets(TestInputs.TARGETS)
                    .origins(TestInputs.ORIGINS)
                    .requests(CheckRequestFactory.withTimeout(java.time.Duration.ofMillis(100)))
                    .settings(RouterSettings.DEFAULTS)
                    .build();
            Admission.Started started = (Admission.Started) router.submit(SLACK, "example.com");

            // The checker breaks its own deadline: the router gives up (deadline + its overrun margin) and apologises.
            assertThat(await(started)).isInstanceOf(RouterReply.Failure.class);
            checks.release(); // the check now finishes, late
            router.close(); // waits for the running check to end

            assertThat(lines.list()).hasSize(1);
            assertThat(lines.list().get(0).getFormattedMessage())
                    .contains("ref=" + started.referenceId()).contains("error=TimeoutException");
        }
    }

    /** Collects the check log's lines for one test. */
    private static final class CheckLogCapture implements AutoCloseable {
        private final Logger logger = (Logger) LoggerFactory.getLogger(CheckLog.LOGGER_NAME);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final Level before = logger.getLevel();

        CheckLogCapture() {
            appender.start();
            logger.addAppender(appender);
            // The test classpath may log warnings only (the probes test-jar's logback-test.xml); these lines are INFO.
            logger.setLevel(Level.INFO);
        }

        java.util.List<ILoggingEvent> list() {
            return appender.list;
        }

        @Override
        public void close() {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
    }
}
