package dev.cfcheck.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application commands: {@code /cfcheck domain origin fresh} and {@code /cfcheck-help}. */
final class SlashCommands {
    static final String CHECK = "cfcheck";
    static final String HELP = "cfcheck-help";
    static final String DOMAIN = "domain";
    static final String ORIGIN = "origin";
    static final String FRESH = "fresh";

    /** A URL with a long path is still one target; the router refuses anything longer anyway. */
    static final int DOMAIN_MAX = 1000;
    /** "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]:65535" is 53 characters. */
    static final int ORIGIN_MAX = 60;

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);

    private SlashCommands() {
    }

    static List<CommandData> definitions() {
        return List.of(
                Commands.slash(CHECK, "Diagnose a Cloudflare error: DNS, edge, origin, certificate, next steps")
                        .addOptions(
                                new OptionData(OptionType.STRING, DOMAIN, "Domain or URL, e.g. example.com", true)
                                        .setRequiredLength(1, DOMAIN_MAX),
                                new OptionData(OptionType.STRING, ORIGIN, "Origin server to try directly: IP or IP:PORT", false)
                                        .setRequiredLength(1, ORIGIN_MAX),
                                new OptionData(OptionType.BOOLEAN, FRESH, "Skip the cached result", false))
                        .setContexts(InteractionContextType.GUILD)
                        .setIntegrationTypes(IntegrationType.GUILD_INSTALL),
                Commands.slash(HELP, "How to use /cfcheck")
                        .setContexts(InteractionContextType.GUILD)
                        .setIntegrationTypes(IntegrationType.GUILD_INSTALL));
    }

    /**
     * Registers the commands, replacing whatever this application had before: running it on every start is
     * idempotent. Registration to one guild shows up at once; global registration can take a while.
     */
    static void register(JDA jda, String guildId) {
        CommandListUpdateAction update;
        String where;
        if (guildId == null) {
            update = jda.updateCommands();
            where = "globally";
        } else {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                LOG.error("Discord: the bot is not in server {} ({}); invite it there first. Commands not registered.",
                        guildId, DiscordSettings.GUILD_ID);
                return;
            }
            update = guild.updateCommands();
            where = "in server " + guildId;
        }
        update.addCommands(definitions()).queue(
                commands -> LOG.info("Discord: registered {} {}", commands.stream().map(Command::getName).toList(), where),
                error -> LOG.error("Discord: registering the commands {} failed: {}", where, error.toString()));
    }
}
