package dev.cfcheck.bot.router;

import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.Target;

/**
 * Turns what the user typed into a validated {@link Target}. The real one is the core's
 * {@code TargetParser} (IDN, limits, IP literals and ports refused unless allowed).
 */
@FunctionalInterface
public interface TargetValidator {

    /** @throws BadInputException with a one-line message safe to show in chat */
    Target validate(String input);
}
