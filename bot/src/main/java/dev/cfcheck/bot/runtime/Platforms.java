package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.adapter.AdapterFactory;
import java.util.List;

/** Every chat platform the bot knows. Adding one is a line here and a factory in its own package. */
final class Platforms {

    static final List<AdapterFactory> ALL = List.of(
            new dev.cfcheck.bot.slack.SlackAdapterFactory(),
            new dev.cfcheck.bot.discord.DiscordAdapterFactory());

    private Platforms() {
    }
}
