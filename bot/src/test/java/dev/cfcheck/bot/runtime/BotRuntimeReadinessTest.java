package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.health.Readiness.Status;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runtime tells /readyz: starting, each adapter up, the one that is not and why, shutting down. */
class BotRuntimeReadinessTest {

    private final CommandRouter router = CommandRouter.builder(new ScriptedCheckService(r -> SampleReports.healthy(r.target().host())))
            .targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).build();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @AfterEach
    void closeRouter() {
        router.close();
    }

    @Test
    void startingThenEveryAdapterNamedThenTheOneWhoseLinkDroppedThenShuttingDown() throws Exception {
        StubAdapter slack = new StubAdapter("slack");
        StubAdapter discord = new StubAdapter("discord");
        BotRuntime runtime = new BotRuntime(router, List.of(new AdapterPlan.Ready(slack), new AdapterPlan.Ready(discord)), err);
        assertThat(runtime.readiness().now()).isEqualTo(Status.notReady("starting"));

        Thread main = RuntimeThread.start(runtime);
        slack.awaitRuntimeWaiting();
        assertThat(runtime.readiness().now()).isEqualTo(Status.ready("slack, discord"));

        discord.connected = false;
        assertThat(runtime.readiness().now()).isEqualTo(Status.notReady("discord not connected"));
        discord.connected = true;
        assertThat(runtime.readiness().now().ready()).isTrue();

        runtime.shutdown();
        assertThat(runtime.readiness().now()).isEqualTo(Status.notReady("shutting down"));
        main.join(30_000);
        assertThat(main.isAlive()).isFalse();
    }

    @Test
    void aMisconfiguredPlatformAndAnAdapterThatCouldNotStartAreNamedBesideTheOnesRunning() throws Exception {
        StubAdapter console = new StubAdapter("console");
        StubAdapter broken = new StubAdapter("discord") {
            @Override
            public void start() {
                throw new IllegalStateException("Discord refused the token in DISCORD_TOKEN");
            }
        };
        String slackOff = "Slack is off: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing.";
        BotRuntime runtime = new BotRuntime(router, List.of(new AdapterPlan.Misconfigured(slackOff), new AdapterPlan.NotConfigured(),
                new AdapterPlan.Ready(broken), new AdapterPlan.Ready(console)), err);

        Thread main = RuntimeThread.start(runtime);
        console.awaitRuntimeWaiting();

        assertThat(runtime.readiness().now()).isEqualTo(Status.notReady(slackOff + "; discord could not start"));
        runtime.shutdown();
        main.join(30_000);
    }
}
