package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackAdapterFactoryTest {

    private static final String BOT = "xoxb-000000-standin-bot-token";
    private final CommandRouter router = CommandRouter.builder(new ScriptedCheckService(r -> null))
            .targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).build();

    @AfterEach
    void close() {
        router.close();
    }

    private AdapterPlan plan(Map<String, String> env) {
        return new SlackAdapterFactory().plan(Environment.of(env), router);
    }

    private static String reason(AdapterPlan p) {
        assertThat(p).isInstanceOf(AdapterPlan.Misconfigured.class);
        return ((AdapterPlan.Misconfigured) p).reason();
    }

    @Test
    void nothingSetMeansNotConfigured() {
        assertThat(plan(Map.of())).isInstanceOf(AdapterPlan.NotConfigured.class);
        assertThat(plan(Map.of("SLACK_PORT", "3000"))).isInstanceOf(AdapterPlan.NotConfigured.class);
    }

    @Test
    void completePairsPickTheMode() {
        AdapterPlan socket = plan(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-x", "SLACK_SIGNING_SECRET", "s"));
        AdapterPlan http = plan(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s", "SLACK_PORT", "8080"));

        assertThat(socket).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(((AdapterPlan.Ready) socket).adapter().name()).isEqualTo("slack");
        assertThat(http).isInstanceOf(AdapterPlan.Ready.class);
    }

    @Test
    void incompleteOrBadValuesNameWhatIsWrongWithoutTheSecret() {
        assertThat(reason(plan(Map.of("SLACK_APP_TOKEN", "xapp-1-x")))).isEqualTo("Slack is off: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing.");
        assertThat(reason(plan(Map.of("SLACK_SIGNING_SECRET", "s")))).isEqualTo("Slack is off: SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing.");
        assertThat(reason(plan(Map.of("SLACK_BOT_TOKEN", BOT))))
                .isEqualTo("Slack is off: SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is missing.");
        assertThat(reason(plan(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxb-wrong-kind-of-token"))))
                .contains("SLACK_APP_TOKEN must be an app-level token").doesNotContain("wrong-kind");
        assertThat(reason(plan(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s", "SLACK_PORT", "70000")))).contains("SLACK_PORT");
        assertThat(reason(plan(Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1-x", "SLACK_API_URL", "file:///etc/passwd")))).contains("SLACK_API_URL");
        assertThat(reason(plan(Map.of("SLACK_BOT_TOKEN", "short", "SLACK_APP_TOKEN", "xapp-1-x")))).contains("SLACK_BOT_TOKEN does not look like");
    }

    @Test
    void slackBindTakesAnIpLiteralOnly() {
        Map<String, String> http = Map.of("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "s");
        java.util.function.Function<String, AdapterPlan> bind = b -> {
            Map<String, String> env = new java.util.HashMap<>(http);
            env.put("SLACK_BIND", b);
            return plan(env);
        };

        assertThat(bind.apply("127.0.0.1")).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(bind.apply("::")).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(bind.apply("[::1]")).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(reason(bind.apply("localhost"))).isEqualTo("Slack is off: SLACK_BIND must be an IP address such as 0.0.0.0, :: or 127.0.0.1, not 'localhost'.");
        assertThat(reason(bind.apply("0.0.0.0:3000"))).contains("SLACK_BIND must be an IP address");
        assertThat(reason(bind.apply("1.2.3.4\n<!channel>"))).contains("SLACK_BIND").doesNotContain("\n");
    }

    @Test
    void secretsCanComeFromFiles(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("bot-token");
        Files.writeString(token, BOT + "\n");

        AdapterPlan p = plan(Map.of("SLACK_BOT_TOKEN_FILE", token.toString(), "SLACK_APP_TOKEN", "xapp-1-x"));

        assertThat(p).isInstanceOf(AdapterPlan.Ready.class);
        assertThat(Environment.of(Map.of("SLACK_BOT_TOKEN_FILE", token.toString())).get("SLACK_BOT_TOKEN")).isEqualTo(BOT);
    }

    @Test
    void settingsNeverPrintTheirSecrets() {
        assertThat(SlackSettings.socketMode(BOT, "xapp-1-secret", null).toString()).doesNotContain(BOT).doesNotContain("xapp-1-secret");
    }
}
