package dev.cfcheck.bot.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Discord, read from the environment.
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

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(TOKEN + " is empty");
        }
        token = token.strip();
        if (guildId != null && !SNOWFLAKE.matcher(guildId).matches()) {
            throw new IllegalArgumentException(GUILD_ID + " must be a numeric guild id");
        }
        if (apiUrl != null && !(apiUrl.startsWith("http://") || apiUrl.startsWith("https://"))) {
            throw new IllegalArgumentException(API_URL + " must start with http:// or https://");
        }
        if (gatewayUrl != null && !(gatewayUrl.startsWith("ws://") || gatewayUrl.startsWith("wss://"))) {
            throw new IllegalArgumentException(GATEWAY_URL + " must start with ws:// or wss://");
        }
    }

    /**
     * The settings when {@code DISCORD_TOKEN} (or {@code DISCORD_TOKEN_FILE}) is set, empty when Discord is not
     * configured.
     *
     * @throws IllegalArgumentException with one line naming the variable when a value is unusable
     */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        String token = secret(env, TOKEN);
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(new DiscordSettings(token, optional(env, GUILD_ID), optional(env, API_URL),
                optional(env, GATEWAY_URL)));
    }

    /** True when the Discord the bot talks to is not Discord itself (a proxy or a local stand-in). */
    public boolean customEndpoints() {
        return apiUrl != null || gatewayUrl != null;
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=***, guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }

    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The variable itself, or the content of the file named by {@code <NAME>_FILE}. */
    private static String secret(Map<String, String> env, String name) {
        String direct = optional(env, name);
        if (direct != null) {
            return direct;
        }
        String file = optional(env, name + "_FILE");
        if (file == null) {
            return null;
        }
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new IllegalArgumentException(name + "_FILE names an empty file");
            }
            return content;
        } catch (IOException e) {
            throw new IllegalArgumentException(name + "_FILE cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
