package dev.cfcheck.bot.render.terminal;

import dev.cfcheck.bot.card.Clip;
import dev.cfcheck.probes.NetworkText;

/**
 * Makes text from the network safe to print on a terminal: a probed site must not be able to send escape
 * sequences (colour, cursor moves, title changes) or bidi overrides through a page title or a header. The
 * characters are {@link NetworkText}'s rule, as on every surface.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Removes control and invisible characters (line breaks and tabs become spaces), and caps the length with an
     * ellipsis when printable text was cut.
     */
    public static String safe(String s, int maxLength) {
        if (s == null) {
            return "";
        }
        return Clip.shorten(NetworkText.visible(s), maxLength);
    }

    public static String safe(String s) {
        return safe(s, 2000);
    }
}
