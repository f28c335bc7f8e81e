package dev.cfcheck.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.metrics.MetricsServer;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.runtime.BotRuntime;
import dev.cfcheck.bot.runtime.RuntimeThread;
import dev.cfcheck.bot.runtime.StubAdapter;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator port's /readyz follows the Discord gateway session, over real HTTP and a loopback Discord. */
class DiscordReadinessTest {
    private final CommandRouter router = CommandRouter.builder(new ScriptedChecker())
            .targets(input -> TargetParser.parse(input, false))
            .origins(OriginParser::parse)
            .build();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private MetricsServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        registry.close();
        router.close();
    }

    @Test
    void readyOnceTheSessionIsReadyAndNotReadyNamingDiscordWhenDiscordClosesItForGood() throws Exception {
        try (DiscordStandIn discord = new DiscordStandIn()) {
            // Keeps the runtime running after Discord has ended, as the console or Slack would.
            StubAdapter other = new StubAdapter("console");
            DiscordAdapter adapter = new DiscordAdapter(discord.settings(null), router);
            BotRuntime runtime = new BotRuntime(router, List.of(new AdapterPlan.Ready(other), new AdapterPlan.Ready(adapter)),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry, runtime.readiness());
            assertThat(readyz()).isEqualTo("503 not ready: starting\n");

            Thread main = RuntimeThread.start(runtime);
            other.awaitRuntimeWaiting();
            adapter.jda().awaitReady();
            assertThat(readyz()).isEqualTo("200 ready: console, discord\n");

            // 4014: Discord refuses the intents; no reconnect can help, the session is over.
            discord.closeGateway(4014, "Disallowed intent(s).");
            adapter.ended().get(20, TimeUnit.SECONDS);
            assertThat(readyz()).isEqualTo("503 not ready: discord not connected\n");

            runtime.shutdown();
            assertThat(readyz()).isEqualTo("503 not ready: shutting down\n");
            main.join(30_000);
            assertThat(main.isAlive()).isFalse();
        }
    }

    private String readyz() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.address().getPort() + "/readyz")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
