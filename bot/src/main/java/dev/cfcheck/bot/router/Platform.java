package dev.cfcheck.bot.router;

import java.util.Locale;

/** Where a command came from. */
public enum Platform {
    SLACK,
    DISCORD,
    /** Standard input of the bot process: the local operator, trusted like the CLI. */
    CONSOLE;

    /** Chat platforms are shared with other people: access rules and rate limits apply to them. */
    public boolean isChat() {
        return this != CONSOLE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
