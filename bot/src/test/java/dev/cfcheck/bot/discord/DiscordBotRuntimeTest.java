package dev.cfcheck.bot.discord;

import static dev.cfcheck.bot.discord.DiscordStandIn.body;
import static dev.cfcheck.bot.discord.DiscordStandIn.stringOption;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.console.ConsoleAdapter;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.runtime.BotRuntime;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discord inside the bot runtime, beside the console adapter: each keeps working when the other fails or ends. */
class DiscordBotRuntimeTest {
    private final ScriptedChecker checker = new ScriptedChecker();
    private final CommandRouter router = CommandRouter.builder(checker)
            .targets(input -> TargetParser.parse(input, false))
            .origins(OriginParser::parse)
            .build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void closeRouter() {
        router.close();
    }

    @Test
    void discordTokenStartsTheAdapterAndItOutlivesTheConsole() throws Exception {
        try (DiscordStandIn discord = new DiscordStandIn()) {
            Environment env = Environment.of(Map.of(
                    "DISCORD_TOKEN", DiscordStandIn.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            AdapterPlan plan = new DiscordAdapterFactory().plan(env, router);
            assertThat(plan).isInstanceOf(AdapterPlan.Ready.class);
            // The console's input is already over: that adapter ends at once, Discord must go on.
            ConsoleAdapter console = new ConsoleAdapter(router, new ByteArrayInputStream(new byte[0]), print(out), false);
            BotRuntime runtime = new BotRuntime(router, List.of(plan, new AdapterPlan.Ready(console)), print(err));

            CompletableFuture<Integer> exit = runInBackground(runtime);
            discord.takeRest("PUT", "/api/v10/applications/" + DiscordStandIn.APPLICATION_ID + "/commands");
            console.awaitTermination();

            DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));
            assertThat(body(discord.takeRest("POST", command.callbackPath())).path("type").asInt()).isEqualTo(5);
            assertThat(body(discord.takeRest("PATCH", command.originalPath())).path("embeds")).hasSize(1);
            assertThat(exit).isNotDone();

            runtime.shutdown();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(BotRuntime.EXIT_OK);
        }
    }

    @Test
    void aDiscordThatCannotStartLeavesTheConsoleRunning() throws Exception {
        try (DiscordStandIn discord = new DiscordStandIn()) {
            discord.refuseTokens();
            Environment env = Environment.of(Map.of(
                    "DISCORD_TOKEN", DiscordStandIn.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            ConsoleAdapter console = new ConsoleAdapter(router,
                    new ByteArrayInputStream("/cfcheck example.com\n".getBytes(StandardCharsets.UTF_8)), print(out), false);
            BotRuntime runtime = new BotRuntime(router,
                    List.of(new DiscordAdapterFactory().plan(env, router), new AdapterPlan.Ready(console)), print(err));

            assertThat(runInBackground(runtime).get(30, TimeUnit.SECONDS)).isEqualTo(BotRuntime.EXIT_OK);

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("discord could not start: Discord refused the token in DISCORD_TOKEN")
                    .doesNotContain(DiscordStandIn.TOKEN);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("522").contains("example.com");
            assertThat(checker.takeRequest().target().host()).isEqualTo("example.com");
        }
    }

    private static CompletableFuture<Integer> runInBackground(BotRuntime runtime) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                exit.complete(runtime.run());
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "bot-runtime-under-test");
        t.setDaemon(true);
        t.start();
        return exit;
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
