package dev.cfcheck.bot.discord;

import static dev.cfcheck.bot.discord.DiscordStandIn.body;
import static dev.cfcheck.bot.discord.DiscordStandIn.booleanOption;
import static dev.cfcheck.bot.discord.DiscordStandIn.stringOption;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfcheck.bot.router.AccessRules;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Discord adapter end to end: real JDA, real router, the loopback Discord stand-in as REST API and gateway.
 * Only the checker behind the router is scripted; target and origin go through the core's real parsers.
 */
class DiscordAdapterTest {
    private static final String APP = DiscordStandIn.APPLICATION_ID;
    private static final int DEFERRED_CHANNEL_MESSAGE = 5;
    private static final int CHANNEL_MESSAGE = 4;
    private static final int DEFERRED_UPDATE_MESSAGE = 6;
    private static final int EPHEMERAL = 64;

    private DiscordStandIn discord;
    private final ScriptedChecker checker = new ScriptedChecker();
    private CommandRouter router;
    private DiscordAdapter adapter;

    @BeforeEach
    void standIn() throws Exception {
        discord = new DiscordStandIn();
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (router != null) {
            router.close();
        }
        discord.close();
    }

    @Test
    void registersBothCommandsGloballyOnReady() throws Exception {
        RecordedRequest put = start(RouterSettings.DEFAULTS, null);

        assertThat(DiscordStandIn.path(put)).isEqualTo("/api/v10/applications/" + APP + "/commands");
        JsonNode commands = body(put);
        assertThat(commands).hasSize(2);
        JsonNode check = commands.get(0);
        assertThat(check.path("name").asText()).isEqualTo("cfcheck");
        assertThat(check.path("options")).hasSize(3);
        assertThat(check.path("options").get(0).path("name").asText()).isEqualTo("domain");
        assertThat(check.path("options").get(0).path("type").asInt()).isEqualTo(3);
        assertThat(check.path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(check.path("options").get(1).path("name").asText()).isEqualTo("origin");
        assertThat(check.path("options").get(1).path("required").asBoolean()).isFalse();
        assertThat(check.path("options").get(2).path("name").asText()).isEqualTo("fresh");
        assertThat(check.path("options").get(2).path("type").asInt()).isEqualTo(5);
        assertThat(commands.get(1).path("name").asText()).isEqualTo("cfcheck-help");
        // Server channels only: no DMs, no user installs.
        assertThat(check.path("contexts")).hasSize(1);
        assertThat(check.path("contexts").get(0).asInt(-1)).isEqualTo(0);
        assertThat(check.path("integration_types")).hasSize(1);
        assertThat(check.path("integration_types").get(0).asInt(-1)).isEqualTo(0);
    }

    @Test
    void registersToOneGuildWhenDiscordGuildIdIsSet() throws Exception {
        RecordedRequest put = start(RouterSettings.DEFAULTS, DiscordStandIn.GUILD_ID);

        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(DiscordStandIn.path(put))
                .isEqualTo("/api/v10/applications/" + APP + "/guilds/" + DiscordStandIn.GUILD_ID + "/commands");
        assertThat(body(put).findValuesAsText("name")).contains("cfcheck", "cfcheck-help");
    }

    @Test
    void slashCommandIsDeferredAtOnceThenTheOriginalIsEditedWithTheCard() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        checker.hold();

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));

        // The defer reaches Discord while the check is still held: it does not wait for the probes.
        JsonNode defer = body(discord.takeRest("POST", command.callbackPath()));
        assertThat(defer.path("type").asInt()).isEqualTo(DEFERRED_CHANNEL_MESSAGE);
        assertThat(defer.path("data").path("flags").asInt(0) & EPHEMERAL).isZero();
        assertThat(checker.takeRequest().target().host()).isEqualTo("example.com");
        checker.release();

        RecordedRequest patch = discord.takeRest("PATCH", command.originalPath());
        JsonNode edit = body(patch);
        assertNoMentions(edit);
        JsonNode embed = edit.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("🔴 522 · Connection timed out");
        assertThat(embed.path("color").asInt()).isEqualTo(0xE01E5A);
        assertThat(embed.path("description").asText()).contains("**example.com**").contains("```sh\ncurl -sv --resolve");
        assertThat(embed.path("fields").findValuesAsText("name")).startsWith("DNS", "Edge", "Origin", "Certificate", "Timings");
        String referenceId = referenceIdIn(embed.path("footer").path("text").asText());
        JsonNode buttons = edit.path("components").get(0).path("components");
        assertThat(buttons.findValuesAsText("label")).containsExactly("Re-run", "Details");
        assertThat(buttons.findValuesAsText("custom_id"))
                .containsExactly("cfcheck:rerun:" + referenceId, "cfcheck:details:" + referenceId)
                .allMatch(id -> id.length() <= 100);
    }

    @Test
    void optionsReachTheCheckerAsOriginAndFresh() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "Example.COM"),
                stringOption("origin", "203.0.113.7:8443"), booleanOption("fresh", true));

        CheckRequest request = checker.takeRequest();
        assertThat(request.target().host()).isEqualTo("example.com");
        assertThat(request.fresh()).isTrue();
        assertThat(request.origins()).extracting(OriginEndpoint::toString).containsExactly("203.0.113.7:8443");
        assertThat(body(discord.takeRest("POST", command.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_CHANNEL_MESSAGE);
        assertNoMentions(body(discord.takeRest("PATCH", command.originalPath())));
    }

    @Test
    void badOptionsAreRefusedEphemerallyWithoutADeferOrACheck() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        DiscordStandIn.Interaction spaced = discord.slashCommand("cfcheck", stringOption("domain", "example.com origin=10.0.0.1"));
        JsonNode reply = body(discord.takeRest("POST", spaced.callbackPath()));
        assertEphemeralRefusal(reply, "domain must be one domain or URL, without spaces");

        DiscordStandIn.Interaction invalid = discord.slashCommand("cfcheck", stringOption("domain", "exa_mple!"));
        assertEphemeralRefusal(body(discord.takeRest("POST", invalid.callbackPath())), "invalid character U+0021 in the hostname");

        DiscordStandIn.Interaction badOrigin = discord.slashCommand("cfcheck", stringOption("domain", "example.com"),
                stringOption("origin", "db.internal"));
        assertEphemeralRefusal(body(discord.takeRest("POST", badOrigin.callbackPath())), "origin must be an IP address, not a name");

        assertThat(checker.idle()).isTrue();
        assertThat(discord.restRequests()).noneMatch(r -> DiscordStandIn.path(r).startsWith("/api/v10/webhooks/"));
    }

    @Test
    void accessRulesAndRateLimitsRefuseEphemerallyBeforeAnyDefer() throws Exception {
        RouterSettings settings = RouterSettings.DEFAULTS
                .withRateLimits(RateLimits.of(1, 0, Duration.ofHours(1)))
                .withAccess(new AccessRules(null, null, Set.of(DiscordStandIn.CHANNEL_ID), null));
        start(settings, null);

        DiscordStandIn.Interaction first = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));
        assertThat(body(discord.takeRest("POST", first.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_CHANNEL_MESSAGE);
        checker.takeRequest();
        discord.takeRest("PATCH", first.originalPath());

        DiscordStandIn.Interaction second = discord.slashCommand("cfcheck", stringOption("domain", "example.org"));
        assertEphemeralRefusal(body(discord.takeRest("POST", second.callbackPath())), "Slow down");
        assertThat(checker.idle()).isTrue();

        adapter.close();
        router.close();
        discord.close();
        discord = new DiscordStandIn();
        start(RouterSettings.DEFAULTS.withAccess(new AccessRules(null, Set.of("999"), null, null)), null);
        DiscordStandIn.Interaction elsewhere = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));
        assertEphemeralRefusal(body(discord.takeRest("POST", elsewhere.callbackPath())), "not enabled for this server");
        assertThat(checker.idle()).isTrue();
    }

    @Test
    void reRunRunsAFreshCheckThroughTheShortIdAndReplacesTheCard() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        String referenceId = firstCard("example.com");

        DiscordStandIn.Interaction press = discord.buttonPress("cfcheck:rerun:" + referenceId);

        assertThat(body(discord.takeRest("POST", press.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_UPDATE_MESSAGE);
        CheckRequest again = checker.takeRequest();
        assertThat(again.fresh()).isTrue();
        assertThat(again.target().host()).isEqualTo("example.com");
        JsonNode edit = body(discord.takeRest("PATCH", press.originalPath()));
        assertNoMentions(edit);
        String newReference = referenceIdIn(edit.path("embeds").get(0).path("footer").path("text").asText());
        assertThat(newReference).isNotEqualTo(referenceId);
        assertThat(edit.path("components").get(0).path("components").findValuesAsText("custom_id"))
                .contains("cfcheck:rerun:" + newReference);
    }

    @Test
    void aReRunThatFailsKeepsTheCardAndTellsOnlyWhoeverPressedWithoutMentions() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        String referenceId = firstCard("example.com");
        checker.failWith(new IllegalStateException("checker broke"));

        DiscordStandIn.Interaction press = discord.buttonPress("cfcheck:rerun:" + referenceId);

        assertThat(body(discord.takeRest("POST", press.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_UPDATE_MESSAGE);
        // A follow-up, not an edit: JDA's follow-ups allow every mention by default, so this is where pings would leak.
        RecordedRequest followUp = discord.takeRest("POST", press.followupPath());
        JsonNode message = body(followUp);
        assertNoMentions(message);
        assertThat(message.path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(message.path("content").asText()).startsWith("Sorry, the check of example.com failed inside cfcheck. Reference ");
        assertThat(discord.restRequests()).noneMatch(r -> r.getMethod().equals("PATCH")
                && DiscordStandIn.path(r).equals(press.originalPath()));
    }

    @Test
    void detailsAreShownOnlyToWhoeverPressed() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        String referenceId = firstCard("example.com");

        DiscordStandIn.Interaction press = discord.buttonPress("cfcheck:details:" + referenceId);

        JsonNode reply = body(discord.takeRest("POST", press.callbackPath()));
        assertThat(reply.path("type").asInt()).isEqualTo(CHANNEL_MESSAGE);
        assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertNoMentions(reply.path("data"));
        JsonNode embed = reply.path("data").path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Details · example.com");
        assertThat(embed.path("fields").findValuesAsText("name")).contains("Verdict", "Edge \\(https\\)", "Next steps");
        assertThat(checker.idle()).isTrue();
    }

    @Test
    void anExpiredOrUnknownButtonIsAnsweredPolitely() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        DiscordStandIn.Interaction unknown = discord.buttonPress("cfcheck:rerun:AAAAAAAA");
        assertEphemeralRefusal(body(discord.takeRest("POST", unknown.callbackPath())), "run /cfcheck again");

        DiscordStandIn.Interaction details = discord.buttonPress("cfcheck:details:BBBBBBBB");
        assertEphemeralRefusal(body(discord.takeRest("POST", details.callbackPath())), "run /cfcheck again");

        DiscordStandIn.Interaction garbled = discord.buttonPress("something-else");
        assertEphemeralRefusal(body(discord.takeRest("POST", garbled.callbackPath())), "run /cfcheck again");
        assertThat(checker.idle()).isTrue();
    }

    @Test
    void aCheckThatFailsAfterTheDeferBecomesAShortApologyWithTheReference() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        checker.failWith(new IllegalStateException("probe pool exploded at dev.cfcheck.Secret.line(42)"));

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));

        assertThat(body(discord.takeRest("POST", command.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_CHANNEL_MESSAGE);
        JsonNode edit = body(discord.takeRest("PATCH", command.originalPath()));
        assertNoMentions(edit);
        assertThat(edit.path("content").asText()).startsWith("Sorry, the check of example.com failed inside cfcheck. Reference ")
                .doesNotContain("exploded").doesNotContain("Secret");
        assertThat(edit.path("embeds")).isEmpty();
        assertThat(edit.path("components")).isEmpty();
    }

    @Test
    void hostileNetworkTextCannotMentionOrFormat() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        checker.reportHostileText("@everyone <@&42> [login](https://evil.example) ```");

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));

        discord.takeRest("POST", command.callbackPath());
        JsonNode edit = body(discord.takeRest("PATCH", command.originalPath()));
        assertNoMentions(edit);
        String description = edit.path("embeds").get(0).path("description").asText();
        assertThat(description).contains("\\@everyone \\<\\@&42\\> \\[login\\]\\(https\\://evil.example\\) \\`\\`\\`");
    }

    @Test
    void helpIsEphemeral() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        DiscordStandIn.Interaction help = discord.slashCommand("cfcheck-help");

        JsonNode reply = body(discord.takeRest("POST", help.callbackPath()));
        assertThat(reply.path("type").asInt()).isEqualTo(CHANNEL_MESSAGE);
        assertThat(reply.path("data").path("flags").asInt() & EPHEMERAL).isEqualTo(EPHEMERAL);
        assertThat(reply.path("data").path("content").asText()).contains("/cfcheck domain:example.com");
        assertNoMentions(reply.path("data"));
    }

    @Test
    void aDroppedGatewayIsResumedAndCommandsKeepWorking() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        discord.dropGateway();
        JsonNode resume = discord.takeGatewayFrame(6);
        assertThat(resume.path("d").path("session_id").asText()).isEqualTo("stand-in-session");
        assertThat(resume.path("d").path("token").asText()).isEqualTo(DiscordStandIn.TOKEN);
        discord.awaitResumed();
        assertThat(discord.gatewayUpgrades()).hasSize(2);

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));
        assertThat(body(discord.takeRest("POST", command.callbackPath())).path("type").asInt()).isEqualTo(DEFERRED_CHANNEL_MESSAGE);
        assertThat(body(discord.takeRest("PATCH", command.originalPath())).path("embeds")).hasSize(1);
        assertThat(adapter.ended()).isNotDone();
    }

    @Test
    void aFatalGatewayCloseEndsTheAdapterAndStopIsIdempotent() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        assertThat(adapter.ended()).isNotDone();

        // 4014: Discord refuses the intents. No reconnect can help, so the adapter ends and the runtime sees it.
        discord.closeGateway(4014, "Disallowed intent(s).");

        assertThat(adapter.ended().get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4014);
        adapter.awaitTermination();
        adapter.stop();
        adapter.stop();
    }

    @Test
    void stopDisconnectsAndEndsTheAdapter() throws Exception {
        start(RouterSettings.DEFAULTS, null);

        adapter.stop();

        adapter.awaitTermination();
        assertThat(adapter.ended()).isDone();
        assertThat(adapter.jda().getStatus()).isEqualTo(net.dv8tion.jda.api.JDA.Status.SHUTDOWN);
    }

    @Test
    void aRefusedTokenIsOneClearLine() throws Exception {
        router = CommandRouter.builder(checker).targets(input -> TargetParser.parse(input, false)).origins(OriginParser::parse).build();
        adapter = new DiscordAdapter(new DiscordSettings("MTIwMDAwMDAwMDAwMDAwMDAwMQ.revoked.token-for-tests", null, discord.apiUrl(), discord.gatewayUrl()), router);
        // The stand-in answers /users/@me for any token; make it refuse this one.
        discord.refuseTokens();

        org.assertj.core.api.Assertions.assertThatThrownBy(adapter::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Discord refused the token in DISCORD_TOKEN");
    }

    /** Starts router and adapter; returns the command registration request once the session is ready. */
    private RecordedRequest start(RouterSettings settings, String guildId) throws Exception {
        router = CommandRouter.builder(checker)
                .targets(input -> TargetParser.parse(input, false))
                .origins(OriginParser::parse)
                .settings(settings)
                .build();
        adapter = new DiscordAdapter(discord.settings(guildId), router);
        adapter.start();
        adapter.jda().awaitReady();
        return discord.takeRest("PUT", "/api/v10/applications/" + APP + "/");
    }

    /** Runs one /cfcheck to its card and returns the card's reference id. */
    private String firstCard(String domain) throws Exception {
        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", domain));
        discord.takeRest("POST", command.callbackPath());
        checker.takeRequest();
        JsonNode edit = body(discord.takeRest("PATCH", command.originalPath()));
        return referenceIdIn(edit.path("embeds").get(0).path("footer").path("text").asText());
    }

    private static void assertEphemeralRefusal(JsonNode callback, String text) {
        assertThat(callback.path("type").asInt()).as("an immediate message, not a defer").isEqualTo(CHANNEL_MESSAGE);
        assertThat(callback.path("data").path("flags").asInt() & EPHEMERAL).as("ephemeral").isEqualTo(EPHEMERAL);
        assertThat(callback.path("data").path("content").asText()).contains(text);
        assertNoMentions(callback.path("data"));
    }

    private static void assertNoMentions(JsonNode message) {
        JsonNode allowed = message.path("allowed_mentions");
        assertThat(allowed.isObject()).as("allowed_mentions present in %s", message).isTrue();
        assertThat(allowed.path("parse").isArray()).isTrue();
        assertThat(allowed.path("parse")).isEmpty();
        assertThat(allowed.path("replied_user").asBoolean(true)).isFalse();
        assertThat(allowed.has("users") || allowed.has("roles")).isFalse();
    }

    private static String referenceIdIn(String footer) {
        Matcher m = Pattern.compile("ref ([A-Z2-7]{8})$").matcher(footer);
        assertThat(m.find()).as("reference id in footer '%s'", footer).isTrue();
        return m.group(1);
    }

    @Test
    void aPreliminaryCardIsEditedInPlaceOnceIntoTheFinalOne() throws Exception {
        start(RouterSettings.DEFAULTS, null);
        checker.preliminaryFirst();

        DiscordStandIn.Interaction command = discord.slashCommand("cfcheck", stringOption("domain", "example.com"));
        discord.takeRest("POST", command.callbackPath());
        JsonNode first = body(discord.takeRest("PATCH", command.originalPath()));
        assertThat(first.path("embeds").get(0).path("title").asText()).contains("No answer from Cloudflare");
        assertThat(first.toString()).contains("Preliminary: Cloudflare had not answered");

        checker.cloudflareAnswers();
        JsonNode last = body(discord.takeRest("PATCH", command.originalPath()));
        assertNoMentions(last);
        assertThat(last.path("embeds").get(0).path("title").asText()).isEqualTo("🔴 522 · Connection timed out");
        assertThat(last.toString()).doesNotContain("Preliminary");
        Thread.sleep(300);
        assertThat(discord.restRequests().stream().filter(r -> r.getMethod().equals("PATCH")).count()).as("one replacement").isEqualTo(2);
    }
}
