package dev.cfcheck.bot.discord;

import dev.cfcheck.site.BadInputException;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * The options of one {@code /cfcheck}, as Discord delivers them. Discord has already split them, so this only
 * checks their shape and writes the router's command line; the router validates the target and the origin.
 *
 * @param domain the domain or URL typed
 * @param origin the origin typed, or {@code null}
 * @param fresh  skip the cache
 */
record CheckOptions(String domain, String origin, boolean fresh) {

    /** @throws BadInputException naming the option that is missing or malformed */
    static CheckOptions from(CommandInteractionPayload command) {
        OptionMapping fresh = command.getOption(SlashCommands.FRESH);
        return of(text(command.getOption(SlashCommands.DOMAIN)), text(command.getOption(SlashCommands.ORIGIN)),
                fresh != null && fresh.getAsBoolean());
    }

    /** @throws BadInputException naming the option that is missing or malformed */
    static CheckOptions of(String domain, String origin, boolean fresh) {
        String d = blankToNull(domain);
        if (d == null) {
            throw new BadInputException("which site? e.g. /cfcheck domain:example.com");
        }
        oneWord(SlashCommands.DOMAIN, d, SlashCommands.DOMAIN_MAX, "one domain or URL");
        String o = blankToNull(origin);
        if (o != null) {
            oneWord(SlashCommands.ORIGIN, o, SlashCommands.ORIGIN_MAX, "one IP or IP:PORT");
        }
        return new CheckOptions(d, o, fresh);
    }

    /** The same request in the router's words: {@code <domain> [origin=IP[:PORT]] [fresh]}. */
    String commandLine() {
        return domain + (origin == null ? "" : " origin=" + origin) + (fresh ? " fresh" : "");
    }

    private static String text(OptionMapping option) {
        return option == null ? null : option.getAsString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Each option must stay one token of the command line: a space would let a value smuggle in another
     * option ("example.com origin=10.0.0.1") or a second target.
     */
    private static void oneWord(String option, String value, int max, String expected) {
        if (value.length() > max) {
            throw new BadInputException(option + " is too long (" + value.length() + " characters, at most " + max + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                throw new BadInputException(option + " must be " + expected + ", without spaces");
            }
        }
    }
}
