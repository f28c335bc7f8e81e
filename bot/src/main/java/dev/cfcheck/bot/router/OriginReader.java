package dev.cfcheck.bot.router;

import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginEndpoint;

/** Reads an {@code origin=IP[:PORT]} value. The real one is the core's {@code OriginParser}. */
@FunctionalInterface
public interface OriginReader {

    /** @throws BadInputException with a one-line message safe to show in chat */
    OriginEndpoint read(String text);
}
