package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.render.slack.BlockKit;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import okhttp3.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode against a loopback stand-in: {@code apps.connections.open} hands out a ws:// URL that
 * MockWebServer upgrades to a WebSocket; envelopes go down it and acks come back up.
 */
class SlackSocketModeTest {

    private static final String BOT_TOKEN = "xoxb-000000-standin-bot-token";
    private static final String APP_TOKEN = "xapp-1-A1-000000-standin-app-token";

    private SlackStandIn slack;
    private CommandRouter router;
    private SlackAdapter adapter;

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.stop();
        }
        if (router != null) {
            router.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private ScriptedCheckService start(ScriptedCheckService checks) throws Exception {
        slack = new SlackStandIn();
        router = CommandRouter.builder(checks).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).settings(RouterSettings.DEFAULTS).build();
        adapter = new SlackAdapter(SlackSettings.socketMode(BOT_TOKEN, APP_TOKEN, slack.apiUrl()), router);
        adapter.start();
        return checks;
    }

    private String slashCommandEnvelope(String envelopeId, String text, String response) {
        return "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"team_domain\":\"standin\",\"channel_id\":\"C1\","
                + "\"channel_name\":\"incident\",\"user_id\":\"U1\",\"user_name\":\"oncall\",\"command\":\"/cfcheck\","
                + "\"text\":\"" + text + "\",\"api_app_id\":\"A1\",\"is_enterprise_install\":\"false\","
                + "\"response_url\":\"" + slack.responseUrl(response) + "\",\"trigger_id\":\"1.2.3\"}}";
    }

    @Test
    void slashCommandEnvelopeIsAckedAndTheCardGoesToResponseUrl() throws Exception {
        ScriptedCheckService checks = start(new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host())).hold());
        WebSocket socket = slack.nextSocket();
        socket.send("{\"type\":\"hello\",\"num_connections\":1}");

        socket.send(slashCommandEnvelope("env-1", "example.com", "s1"));

        // The envelope ack comes back while the check is still held.
        JsonObject ack = BlockKit.parse(slack.nextSocketMessage());
        assertThat(ack.get("envelope_id").getAsString()).isEqualTo("env-1");
        assertThat(ack.getAsJsonObject("payload").get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).isEqualTo("checking example.com…");
        assertThat(slack.responsePosts).isEmpty();

        checks.release();
        JsonObject card = BlockKit.parse(slack.nextResponsePost().getBody().utf8());
        assertThat(card.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(card.get("text").getAsString()).contains("522");
        BlockKit.assertWithinLimits(card);
        BlockKit.assertInert(card);
    }

    @Test
    void aDisconnectMessageLeadsToAReconnect() throws Exception {
        start(new ScriptedCheckService(r -> SampleReports.healthy(r.target().host())));
        WebSocket first = slack.nextSocket();
        int opensBefore = slack.connectionsOpened.get();

        first.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"standin\"}}");

        WebSocket second = slack.nextSocket();
        assertThat(second).isNotSameAs(first);
        assertThat(slack.connectionsOpened.get()).isGreaterThan(opensBefore);
        second.send(slashCommandEnvelope("env-2", "example.com", "s2"));
        assertThat(BlockKit.parse(slack.nextSocketMessage()).get("envelope_id").getAsString()).isEqualTo("env-2");
        assertThat(BlockKit.parse(slack.nextResponsePost().getBody().utf8()).get("text").getAsString()).contains("Healthy");
    }

    @Test
    void aRefusedAppTokenFailsTheStartWithAClearReason() throws Exception {
        slack = new SlackStandIn();
        router = CommandRouter.builder(new ScriptedCheckService(r -> SampleReports.healthy("example.com")))
                .targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).build();
        adapter = new SlackAdapter(SlackSettings.socketMode(BOT_TOKEN, "xapp-1-A1-000000-revoked-app-token", slack.apiUrl()), router);

        assertThatThrownBy(adapter::start).hasMessage("Slack refused SLACK_APP_TOKEN (invalid_auth)");
        assertThat(slack.sockets).isEmpty();
    }
}
