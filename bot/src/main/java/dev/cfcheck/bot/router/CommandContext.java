package dev.cfcheck.bot.router;

import java.util.Objects;

/**
 * Who asked, and where: the platform-neutral part of a chat event.
 *
 * @param platform    where the command came from
 * @param workspaceId the Slack workspace (team) id or the Discord guild id; {@code null} in a DM or the console
 * @param channelId   the channel id, or {@code null}
 * @param userId      the user id (only ever logged hashed), or {@code null}
 */
public record CommandContext(Platform platform, String workspaceId, String channelId, String userId) {

    public CommandContext {
        Objects.requireNonNull(platform, "platform");
    }

    /** The local operator typing at the bot's standard input. */
    public static CommandContext console() {
        return new CommandContext(Platform.CONSOLE, null, null, null);
    }
}
