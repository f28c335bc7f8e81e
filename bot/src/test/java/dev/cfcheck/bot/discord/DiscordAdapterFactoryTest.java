package dev.cfcheck.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordAdapterFactoryTest {
    private static final String TOKEN = "MTIwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123";

    private final CommandRouter router = CommandRouter.builder(request -> {
                throw new AssertionError("no check runs in these tests");
            })
            .targets(input -> TargetParser.parse(input, false))
            .origins(OriginParser::parse)
            .build();
    private final DiscordAdapterFactory factory = new DiscordAdapterFactory();

    @AfterEach
    void closeRouter() {
        router.close();
    }

    @Test
    void noDiscordVariableMeansNotConfigured() {
        assertThat(plan(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))).isInstanceOf(AdapterPlan.NotConfigured.class);
    }

    @Test
    void aTokenIsEnoughAndOptionalVariablesAreRead() {
        AdapterPlan plan = plan(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "1200000000000000002",
                "DISCORD_API_URL", "http://127.0.0.1:8080/api/v10/", "DISCORD_GATEWAY_URL", "ws://127.0.0.1:8080/gateway"));

        assertThat(plan).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(((AdapterPlan.Ready) plan).adapter().name()).isEqualTo("discord");
    }

    @Test
    void theTokenCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("discord-token");
        Files.writeString(secret, TOKEN + "\n");

        assertThat(plan(Map.of("DISCORD_TOKEN_FILE", secret.toString()))).isInstanceOf(AdapterPlan.Ready.class);
    }

    @Test
    void anOptionalVariableWithoutTheTokenSaysWhatIsMissing() {
        assertThat(reason(Map.of("DISCORD_GUILD_ID", "1200000000000000002")))
                .isEqualTo("Discord is off: DISCORD_GUILD_ID is set but DISCORD_TOKEN is missing.");
    }

    @Test
    void malformedValuesNameTheVariableButNeverEchoTheToken() {
        String pasted = "Bot " + TOKEN;
        assertThat(reason(Map.of("DISCORD_TOKEN", pasted)))
                .startsWith("Discord is off: DISCORD_TOKEN does not look like a bot token")
                .doesNotContain(TOKEN);
        assertThat(reason(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "my-server")))
                .startsWith("Discord is off: DISCORD_GUILD_ID must be a numeric server id");
        assertThat(reason(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL", "ftp://127.0.0.1/")))
                .startsWith("Discord is off: DISCORD_API_URL must be an http(s) URL");
        assertThat(reason(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GATEWAY_URL", "http://127.0.0.1/gateway")))
                .startsWith("Discord is off: DISCORD_GATEWAY_URL must be a ws:// or wss:// URL");
    }

    @Test
    void settingsNeverPrintTheToken() {
        assertThat(new DiscordSettings(TOKEN, null, null, null).toString()).doesNotContain(TOKEN).contains("token=***");
    }

    private AdapterPlan plan(Map<String, String> env) {
        return factory.plan(Environment.of(env), router);
    }

    private String reason(Map<String, String> env) {
        AdapterPlan plan = plan(env);
        assertThat(plan).isInstanceOf(AdapterPlan.Misconfigured.class);
        return ((AdapterPlan.Misconfigured) plan).reason();
    }
}
