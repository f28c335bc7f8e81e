package dev.cfcheck.bot.discord;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * How to reach Discord.
 *
 * @param token      the bot token (secret: never logged, {@link #toString()} hides it)
 * @param guildId    register the commands to this guild only (instant updates), or {@code null} for globally
 * @param apiUrl     REST base URL ending in {@code /api/v10/}, or {@code null} for Discord's
 * @param gatewayUrl gateway address ({@code ws://} or {@code wss://}), or {@code null} for Discord's
 */
public record DiscordSettings(String token, String guildId, String apiUrl, String gatewayUrl) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String GUILD_ID = "DISCORD_GUILD_ID";
    public static final String API_URL = "DISCORD_API_URL";
    public static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    /** Bot tokens are three dot-separated base64url parts; a space or newline means a copy-paste accident. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9._-]{20,200}");

    /** @throws IllegalArgumentException with one line naming the variable that is unusable (never its value) */
    public DiscordSettings {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw new IllegalArgumentException(TOKEN + " does not look like a bot token (Developer Portal, Bot, Reset Token)");
        }
        if (guildId != null && !SNOWFLAKE.matcher(guildId).matches()) {
            throw new IllegalArgumentException(GUILD_ID + " must be a numeric server id (Developer Mode, right-click the server, Copy Server ID)");
        }
        if (apiUrl != null && !hasScheme(apiUrl, "http", "https")) {
            throw new IllegalArgumentException(API_URL + " must be an http(s) URL such as https://discord.com/api/v10/");
        }
        if (gatewayUrl != null && !hasScheme(gatewayUrl, "ws", "wss")) {
            throw new IllegalArgumentException(GATEWAY_URL + " must be a ws:// or wss:// URL such as wss://gateway.discord.gg/");
        }
    }

    /** True when the Discord the bot talks to is not Discord itself (a proxy or a local stand-in). */
    public boolean customEndpoints() {
        return apiUrl != null || gatewayUrl != null;
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=***, guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }

    private static boolean hasScheme(String url, String... schemes) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return false;
            }
            for (String s : schemes) {
                if (s.equalsIgnoreCase(u.getScheme())) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
