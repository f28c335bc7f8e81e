package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import org.junit.jupiter.api.Test;

/** What the Slack adapter tells /readyz, in Socket Mode against the loopback stand-in. */
class SlackReadinessTest {

    @Test
    void socketModeIsReadyOnceConnectedAndNotOnceStopped() throws Exception {
        try (SlackStandIn slack = new SlackStandIn();
             CommandRouter router = CommandRouter.builder(new ScriptedCheckService(r -> SampleReports.healthy(r.target().host())))
                     .targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).build()) {
            SlackAdapter adapter = new SlackAdapter(SlackSettings.socketMode("xoxb-000000-standin-bot-token",
                    "xapp-1-A1-000000-standin-app-token", slack.apiUrl()), router);
            assertThat(adapter.ready()).isFalse();

            adapter.start();
            slack.nextSocket();
            assertThat(adapter.ready()).isTrue();

            adapter.stop();
            assertThat(adapter.ready()).isFalse();
        }
    }
}
