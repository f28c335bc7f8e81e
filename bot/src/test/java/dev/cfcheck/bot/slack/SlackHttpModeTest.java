package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.render.slack.BlockKit;
import dev.cfcheck.bot.router.AccessRules;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.DomainPattern;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Bolt App behind our HTTP endpoint, driven with requests signed like Slack's (hostile clients: SlackHttpHardeningTest). */
class SlackHttpModeTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private SlackStandIn slack;
    private CommandRouter router;
    private SlackAdapter adapter;
    private SignedRequests requests;

    private ScriptedCheckService start(ScriptedCheckService checks, RouterSettings settings) throws Exception {
        slack = new SlackStandIn();
        router = CommandRouter.builder(checks).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).settings(settings).build();
        adapter = new SlackAdapter(SlackSettings.httpMode("xoxb-000000-standin-bot-token", SECRET, "127.0.0.1", 0, slack.apiUrl()), router);
        adapter.start();
        requests = new SignedRequests(adapter.httpPort(), SECRET);
        return checks;
    }

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

    private static ScriptedCheckService timeouts() {
        return new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    }

    private String command(String text, String response) {
        return SignedRequests.form(SignedRequests.slashCommand(text, slack.responseUrl(response), "T1", "C1", "U1"));
    }

    @Test
    void ackArrivesWhileTheCheckIsHeldThenTheCardIsPostedToResponseUrl() throws Exception {
        ScriptedCheckService checks = start(timeouts().hold(), RouterSettings.DEFAULTS);

        HttpResponse<String> ack = requests.post(command("<http://example.com|example.com> origin=203.0.113.7", "r1"));

        // The checker is still held on its latch: the ack did not wait for it.
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonObject ackJson = BlockKit.parse(ack.body());
        assertThat(ackJson.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(ackJson.get("text").getAsString()).isEqualTo("checking example.com…");
        assertThat(slack.responsePosts).isEmpty();

        checks.release();
        RecordedRequest post = slack.nextResponsePost();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/response/r1");
        JsonObject card = BlockKit.parse(post.getBody().utf8());
        assertThat(card.get("response_type").getAsString()).isEqualTo("in_channel");
        JsonArray blocks = card.getAsJsonArray("blocks");
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString()).endsWith("522 · Connection timed out (522)");
        assertThat(blocks.get(blocks.size() - 1).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
        assertThat(card.toString()).doesNotContain("203.0.113.7").contains("$ORIGIN_IP");
        BlockKit.assertWithinLimits(card);
        BlockKit.assertInert(card);
        assertThat(checks.requests()).hasSize(1);
        assertThat(checks.requests().get(0).fresh()).isFalse();
        assertThat(slack.authTests.get()).isPositive();
    }

    @Test
    void wrongOrStaleSignaturesAreRefused() throws Exception {
        ScriptedCheckService checks = start(timeouts(), RouterSettings.DEFAULTS);
        String body = command("example.com", "r1");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> wrongSecret = requests.post(body, now, SignedRequests.signature("not-the-secret", now, body));
        HttpResponse<String> tampered = requests.post(body.replace("example.com", "example.org"), now, SignedRequests.signature(SECRET, now, body));
        long stale = now - Duration.ofMinutes(10).toSeconds();
        HttpResponse<String> old = requests.post(body, stale, SignedRequests.signature(SECRET, stale, body));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(checks.requests()).isEmpty();
    }

    @Test
    void reRunReplacesTheCardWithAFreshCheckAndDetailsAreEphemeral() throws Exception {
        ScriptedCheckService checks = start(timeouts(), RouterSettings.DEFAULTS);
        requests.post(command("example.com origin=203.0.113.7", "r1"));
        JsonObject first = BlockKit.parse(slack.nextResponsePost().getBody().utf8());
        JsonArray buttons = first.getAsJsonArray("blocks").get(first.getAsJsonArray("blocks").size() - 1).getAsJsonObject().getAsJsonArray("elements");
        String rerunValue = buttons.get(0).getAsJsonObject().get("value").getAsString();
        String detailsValue = buttons.get(1).getAsJsonObject().get("value").getAsString();

        HttpResponse<String> rerunAck = requests.post(SignedRequests.blockAction("cfcheck_rerun", rerunValue, slack.responseUrl("a1"), "T1", "C1", "U1"));
        assertThat(rerunAck.statusCode()).isEqualTo(200);
        RecordedRequest replaced = slack.nextResponsePost();
        assertThat(replaced.getUrl().encodedPath()).isEqualTo("/response/a1");
        JsonObject rerun = BlockKit.parse(replaced.getBody().utf8());
        assertThat(rerun.get("replace_original").getAsBoolean()).isTrue();
        BlockKit.assertWithinLimits(rerun);
        assertThat(checks.requests()).hasSize(2);
        assertThat(checks.requests().get(1).fresh()).isTrue();
        assertThat(checks.requests().get(1).origins()).isEqualTo(checks.requests().get(0).origins());

        HttpResponse<String> detailsAck = requests.post(SignedRequests.blockAction("cfcheck_details", detailsValue, slack.responseUrl("a2"), "T1", "C1", "U1"));
        assertThat(detailsAck.statusCode()).isEqualTo(200);
        JsonObject details = BlockKit.parse(slack.nextResponsePost().getBody().utf8());
        assertThat(details.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(details.get("replace_original").getAsBoolean()).isFalse();
        assertThat(details.toString()).contains("203.0.113.7");
        BlockKit.assertWithinLimits(details);
        assertThat(checks.requests()).hasSize(2);
    }

    @Test
    void expiredButtonGetsAPoliteEphemeralAnswer() throws Exception {
        start(timeouts(), RouterSettings.DEFAULTS);

        requests.post(SignedRequests.blockAction("cfcheck_rerun", "AAAAAAAA", slack.responseUrl("a1"), "T1", "C1", "U1"));

        JsonObject reply = BlockKit.parse(slack.nextResponsePost().getBody().utf8());
        assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(reply.get("replace_original").getAsBoolean()).isFalse();
        assertThat(reply.get("text").getAsString()).contains("run /cfcheck again");
    }

    @Test
    void rateLimitAndAccessRefusalsAreTheEphemeralAck() throws Exception {
        AccessRules rules = new AccessRules(Set.of("T1"), null, null, List.of(DomainPattern.parse("*.example.com"), DomainPattern.parse("example.com")));
        ScriptedCheckService checks = start(timeouts(), RouterSettings.DEFAULTS.withAccess(rules)
                .withRateLimits(RateLimits.of(1, 10, Duration.ofMinutes(1))));

        requests.post(command("example.com", "r1"));
        slack.nextResponsePost();
        JsonObject limited = BlockKit.parse(requests.post(command("www.example.com", "r2")).body());
        JsonObject wrongDomain = BlockKit.parse(requests.post(command("example.org", "r3")).body());
        String otherTeam = SignedRequests.form(SignedRequests.slashCommand("example.com", slack.responseUrl("r4"), "T9", "C1", "U1"));
        JsonObject wrongTeam = BlockKit.parse(requests.post(otherTeam).body());

        assertThat(limited.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(limited.get("text").getAsString()).startsWith("Slow down: you can start 1 check per 1 min. Try again in");
        assertThat(wrongDomain.get("text").getAsString()).contains("not set up to check example.org");
        assertThat(wrongTeam.get("text").getAsString()).isEqualTo("cfcheck is not enabled for this workspace.");
        assertThat(checks.requests()).hasSize(1);
    }

    @Test
    void helpAndBadInputAreEphemeralAndHostileInputIsEscaped() throws Exception {
        start(timeouts(), RouterSettings.DEFAULTS);

        JsonObject help = BlockKit.parse(requests.post(command("help", "r1")).body());
        JsonObject bad = BlockKit.parse(requests.post(command("example.com &lt;!channel&gt;", "r2")).body());

        assertThat(help.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(help.get("text").getAsString()).contains("`/cfcheck example.com`");
        assertThat(bad.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(bad.get("text").getAsString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void aFailureInsidePostsAnApologyWithTheReferenceId() throws Exception {
        start(new ScriptedCheckService(r -> {
            throw new IllegalStateException("internal detail");
        }), RouterSettings.DEFAULTS);

        requests.post(command("example.com", "r1"));
        JsonObject apology = BlockKit.parse(slack.nextResponsePost().getBody().utf8());

        assertThat(apology.get("text").getAsString()).matches(":warning: Sorry, the check of example.com failed inside cfcheck\\. Reference [A-Z2-7]{8} .*")
                .doesNotContain("internal detail");
    }

    @Test
    void ephemeralVisibilityKeepsTheCardPrivate() throws Exception {
        start(timeouts(), RouterSettings.DEFAULTS.withReplyVisibility(dev.cfcheck.bot.router.ReplyVisibility.EPHEMERAL));

        requests.post(command("example.com", "r1"));

        assertThat(BlockKit.parse(slack.nextResponsePost().getBody().utf8()).get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    @Test
    void aPreliminaryCardIsReplacedInPlaceOnceByTheFinalOne() throws Exception {
        ScriptedCheckService checks = start(new ScriptedCheckService(r -> SampleReports.edgeSilentPreliminary(r.target().host()))
                .followingUpWith(r -> SampleReports.originTimeout(r.target().host())), RouterSettings.DEFAULTS);

        requests.post(command("example.com", "r1"));

        JsonObject first = BlockKit.parse(slack.nextResponsePost().getBody().utf8());
        assertThat(first.toString()).contains("Preliminary: Cloudflare had not answered").contains("No answer from Cloudflare");
        assertThat(first.has("replace_original")).isFalse();
        checks.finish();
        RecordedRequest replacement = slack.nextResponsePost();
        assertThat(replacement.getUrl().encodedPath()).isEqualTo("/response/r1");
        JsonObject last = BlockKit.parse(replacement.getBody().utf8());
        assertThat(last.get("replace_original").getAsBoolean()).isTrue();
        assertThat(last.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(last.toString()).contains("522 · Connection timed out (522)").doesNotContain("Preliminary");
        BlockKit.assertWithinLimits(last);
        assertThat(slack.responsePosts.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).as("one replacement only").isNull();
    }

    @Test
    void aFinalVerdictEqualToThePreliminaryOneReplacesNothing() throws Exception {
        ScriptedCheckService checks = start(new ScriptedCheckService(r -> SampleReports.edgeSilentPreliminary(r.target().host()))
                .followingUpWith(r -> SampleReports.edgeSilentPreliminary(r.target().host())), RouterSettings.DEFAULTS);

        requests.post(command("example.com", "r1"));
        slack.nextResponsePost();
        checks.finish();

        assertThat(slack.responsePosts.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    }
}
