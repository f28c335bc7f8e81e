package dev.cfcheck.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.Test;

/** JDA itself against the loopback stand-in: the plumbing every other Discord test relies on. */
class DiscordConnectionTest {

    @Test
    void jdaLogsInIdentifiesWithoutIntentsAndReceivesASlashCommand() throws Exception {
        BlockingQueue<SlashCommandInteractionEvent> received = new LinkedBlockingQueue<>();
        try (DiscordStandIn discord = new DiscordStandIn()) {
            JDA jda = DiscordConnection.open(discord.settings(null), new ListenerAdapter() {
                @Override
                public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                    received.add(event);
                    event.deferReply().queue();
                }
            });
            try {
                RecordedRequest login = discord.takeRest("GET", "/api/v10/users/@me");
                assertThat(login.getHeaders().get("Authorization")).isEqualTo("Bot " + DiscordStandIn.TOKEN);

                JsonNode identify = discord.takeGatewayFrame(2);
                // GUILDS (bit 0) only: JDA always asks for it, and it is not privileged. No members,
                // presences or message content.
                assertThat(identify.path("d").path("intents").asInt()).isEqualTo(1);
                assertThat(identify.path("d").path("token").asText()).isEqualTo(DiscordStandIn.TOKEN);
                okhttp3.HttpUrl gateway = discord.gatewayUpgrades().get(0).getUrl();
                assertThat(gateway.queryParameter("encoding")).isEqualTo("json");
                assertThat(gateway.queryParameter("v")).isEqualTo("10");
                assertThat(gateway.queryParameter("compress")).isNull();
                discord.awaitReady();
                jda.awaitReady();
                assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(DiscordStandIn.APPLICATION_ID);
                assertThat(jda.getGuildById(DiscordStandIn.GUILD_ID)).isNotNull();

                DiscordStandIn.Interaction sent = discord.slashCommand("cfcheck",
                        DiscordStandIn.stringOption("domain", "example.com"));
                SlashCommandInteractionEvent event = received.poll(20, TimeUnit.SECONDS);
                assertThat(event).isNotNull();
                assertThat(event.getName()).isEqualTo("cfcheck");
                assertThat(event.getOption("domain").getAsString()).isEqualTo("example.com");
                assertThat(event.getGuild().getId()).isEqualTo(DiscordStandIn.GUILD_ID);
                assertThat(event.getUser().getId()).isEqualTo(DiscordStandIn.USER_ID);

                RecordedRequest callback = discord.takeRest("POST", sent.callbackPath());
                assertThat(DiscordStandIn.body(callback).path("type").asInt()).isEqualTo(5);
            } finally {
                jda.shutdownNow();
            }
        }
    }
}
