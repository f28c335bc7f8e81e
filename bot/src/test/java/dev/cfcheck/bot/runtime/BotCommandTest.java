package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.adapter.AdapterFactory;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.BotAdapter;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import dev.cfcheck.bot.slack.SlackAdapterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BotCommandTest {

    private final ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String stdin, List<AdapterFactory> platforms, String... args) {
        BotWiring wiring = config -> new BotParts(checks, TestInputs.TARGETS, TestInputs.ORIGINS,
                CheckRequestFactory.withTimeout(Duration.ofSeconds(10)), RouterSettings.DEFAULTS, null);
        BotCommand command = new BotCommand(wiring, Environment.of(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), platforms, false);
        return new CommandLine(command).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withNoPlatformConfiguredPipedInputGivesACardAndExitsZero() {
        int status = run(Map.of(), "/cfcheck example.com\n", List.of(new SlackAdapterFactory()));

        assertThat(status).isZero();
        assertThat(out()).startsWith("checking example.com…\n✖ 522");
        assertThat(checks.requests()).hasSize(1);
    }

    @Test
    void anIncompleteSlackPairNamesWhatIsMissingAndWithNothingElseExitsTwo() {
        int status = run(Map.of("SLACK_BOT_TOKEN", "xoxb-000000-standin-bot-token"), "/cfcheck example.com\n", List.of(new SlackAdapterFactory()));

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("cfcheck bot: Slack is off: SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is missing.\n")
                .contains("cfcheck bot: no adapter could start.")
                .doesNotContain("xoxb-000000");
        assertThat(out()).isEmpty();
        assertThat(checks.requests()).isEmpty();
    }

    @Test
    void theConsoleRunsBesideAMisconfiguredPlatformWhenAskedFor() {
        int status = run(Map.of("SLACK_APP_TOKEN", "xapp-1-standin"), "example.com\n", List.of(new SlackAdapterFactory()), "--console");

        assertThat(status).isZero();
        assertThat(err()).contains("Slack is off: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing.");
        assertThat(out()).contains("✖ 522");
    }

    @Test
    void anAdapterThatFailsToStartIsNamedAndTheOthersRun() {
        AdapterFactory broken = (env, router) -> new AdapterPlan.Ready(new BotAdapter() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void start() {
                throw new IllegalStateException("gateway refused the token\nsecond line");
            }

            @Override
            public void awaitTermination() {
            }

            @Override
            public void stop() {
            }
        });

        int status = run(Map.of(), "", List.of(broken));
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("cfcheck bot: broken could not start: gateway refused the token\n").doesNotContain("second line");

        out.reset();
        err.reset();
        assertThat(run(Map.of(), "example.com\n", List.of(broken), "--console")).isZero();
        assertThat(out()).contains("✖ 522");
    }

    @Test
    void badConfigIsOneLineAndExitTwo() {
        BotWiring wiring = config -> {
            throw new IllegalArgumentException("config.yaml line 4: unknown key 'bott'");
        };
        BotCommand command = new BotCommand(wiring, Environment.of(Map.of()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), List.of(), false);

        assertThat(new CommandLine(command).execute("--config", "config.yaml")).isEqualTo(2);
        assertThat(err()).isEqualTo("cfcheck bot: config.yaml line 4: unknown key 'bott'\n");
    }

    @Test
    void shutdownLetsTheRunningCheckFinishThenStopsEveryAdapter() throws Exception {
        ScriptedCheckService held = new ScriptedCheckService(r -> SampleReports.healthy(r.target().host())).hold();
        var router = dev.cfcheck.bot.router.CommandRouter.builder(held).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).build();
        CountDownLatch stopped = new CountDownLatch(1);
        BotAdapter chat = new BotAdapter() {
            @Override
            public String name() {
                return "chat";
            }

            @Override
            public void start() {
            }

            @Override
            public void awaitTermination() throws InterruptedException {
                stopped.await();
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        };
        BotRuntime runtime = new BotRuntime(router, List.of(new AdapterPlan.Ready(chat)), new PrintStream(err, true, StandardCharsets.UTF_8));
        Thread main = new Thread(() -> {
            try {
                runtime.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.start();
        var started = (dev.cfcheck.bot.router.Admission.Started) router.submit(dev.cfcheck.bot.router.CommandContext.console(), "example.com");
        held.awaitStarted();

        Thread hook = new Thread(runtime::shutdown);
        hook.start();
        held.release();
        hook.join();

        // shutdown() returned: the check had finished and its reply was ready before the adapter was stopped.
        assertThat(started.reply()).isCompleted();
        assertThat(stopped.getCount()).isZero();
        main.join();
    }
}
