package dev.cfcheck.bot.router;

import java.util.List;

/** What a {@code /cfcheck} line asks for, before the target is validated. */
public sealed interface ParsedCommand {

    /** {@code /cfcheck help} (or nothing at all). */
    record Help() implements ParsedCommand {
    }

    /**
     * {@code /cfcheck <domain-or-url> [origin=IP[:PORT]]... [fresh]}.
     *
     * @param target  the domain or URL as typed (Slack link syntax already unwrapped)
     * @param origins the {@code origin=} values as typed
     * @param fresh   bypass the cache
     */
    record Check(String target, List<String> origins, boolean fresh) implements ParsedCommand {

        public Check {
            origins = List.copyOf(origins);
        }
    }
}
