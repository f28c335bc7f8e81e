package dev.cfcheck.bot.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;

/** Opens the JDA session the adapter runs on. */
final class DiscordConnection {

    private DiscordConnection() {
    }

    /**
     * Logs in (a blocking {@code GET /users/@me}) and starts the gateway session in the background.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
     */
    static JDA open(DiscordSettings settings, Object... listeners) {
        // Slash commands and buttons arrive as interactions, which need no gateway intent: the session asks
        // only for GUILDS (JDA always adds it; it is not privileged). No members, presences or message content.
        JDABuilder builder = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                // With no intents the gateway carries little; plain JSON keeps one code path for
                // Discord, proxies and the test stand-in.
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON)
                .setAutoReconnect(true)
                // The bot runtime owns SIGTERM and shuts adapters down in order.
                .setEnableShutdownHook(false)
                .addEventListeners(listeners);
        if (settings.apiUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
        }
        if (settings.gatewayUrl() != null) {
            builder.setSessionController(new GatewayAddress(settings.gatewayUrl()));
        }
        return builder.build();
    }
}
