package dev.cfcheck.bot.router;

import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginEndpoint;

/**
 * Reads an {@code origin=IP[:PORT]} value. The real one is the core's {@code OriginParser.parse(text, allowPrivate)}:
 * it also refuses ports Cloudflare does not proxy and addresses the safe-target policy does not allow, so such an
 * origin gets the same one-line refusal as a refused target.
 */
@FunctionalInterface
public interface OriginReader {

    /** @throws BadInputException with a one-line message safe to show in chat */
    OriginEndpoint read(String text);
}
