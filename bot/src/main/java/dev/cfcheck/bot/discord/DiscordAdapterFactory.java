package dev.cfcheck.bot.discord;

import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.AdapterFactory;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;

/**
 * Reads the Discord variables: {@code DISCORD_TOKEN} (or {@code DISCORD_TOKEN_FILE}) turns Discord on;
 * {@code DISCORD_GUILD_ID} registers the commands to one server; {@code DISCORD_API_URL} and
 * {@code DISCORD_GATEWAY_URL} point at a proxy or a local stand-in. A partial or malformed set keeps Discord
 * off with one line naming the variable; the other platforms run regardless.
 */
public final class DiscordAdapterFactory implements AdapterFactory {

    @Override
    public AdapterPlan plan(Environment env, CommandRouter router) {
        String token = env.get(DiscordSettings.TOKEN);
        String guild = env.get(DiscordSettings.GUILD_ID);
        String api = env.get(DiscordSettings.API_URL);
        String gateway = env.get(DiscordSettings.GATEWAY_URL);
        if (token == null) {
            if (guild == null && api == null && gateway == null) {
                return new AdapterPlan.NotConfigured();
            }
            String have = guild != null ? DiscordSettings.GUILD_ID : api != null ? DiscordSettings.API_URL : DiscordSettings.GATEWAY_URL;
            return off(have + " is set but " + DiscordSettings.TOKEN + " is missing");
        }
        try {
            return new AdapterPlan.Ready(new DiscordAdapter(new DiscordSettings(token, guild, api, gateway), router));
        } catch (IllegalArgumentException e) {
            return off(e.getMessage());
        }
    }

    private static AdapterPlan off(String why) {
        return new AdapterPlan.Misconfigured("Discord is off: " + why + ".");
    }
}
