package dev.cfcheck.bot.router;

import java.util.List;
import java.util.Set;

/**
 * Who may use the bot and for what, so that a public app cannot be used as a free scanner. Each list
 * left {@code null} means no restriction; an empty list allows nothing. They apply to chat platforms:
 * the console is the local operator.
 *
 * @param workspaces Slack workspace (team) ids allowed (Slack only)
 * @param guilds     Discord guild ids allowed (Discord only)
 * @param channels   channel ids allowed, Slack and Discord mixed
 * @param domains    domains allowed to be checked
 */
public record AccessRules(Set<String> workspaces, Set<String> guilds, Set<String> channels, List<DomainPattern> domains) {

    public static final AccessRules UNRESTRICTED = new AccessRules(null, null, null, null);

    public AccessRules {
        workspaces = workspaces == null ? null : Set.copyOf(workspaces);
        guilds = guilds == null ? null : Set.copyOf(guilds);
        channels = channels == null ? null : Set.copyOf(channels);
        domains = domains == null ? null : List.copyOf(domains);
    }

    /** Why this place may not use the bot, or {@code null} when it may. */
    public String refusalFor(CommandContext ctx) {
        if (!ctx.platform().isChat()) {
            return null;
        }
        Set<String> places = ctx.platform() == Platform.DISCORD ? guilds : workspaces;
        if (places != null && (ctx.workspaceId() == null || !places.contains(ctx.workspaceId()))) {
            return "cfcheck is not enabled for this " + (ctx.platform() == Platform.DISCORD ? "server" : "workspace") + ".";
        }
        if (channels != null && (ctx.channelId() == null || !channels.contains(ctx.channelId()))) {
            return "cfcheck is not enabled in this channel.";
        }
        return null;
    }

    /** Why this host may not be checked here, or {@code null} when it may. */
    public String refusalForHost(CommandContext ctx, String host) {
        if (!ctx.platform().isChat() || domains == null) {
            return null;
        }
        for (DomainPattern p : domains) {
            if (p.matches(host)) {
                return null;
            }
        }
        return "cfcheck is not set up to check " + CommandParser.shown(host) + " (it is not on the allowed domains list).";
    }
}
