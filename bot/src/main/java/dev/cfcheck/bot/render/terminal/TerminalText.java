package dev.cfcheck.bot.render.terminal;

import dev.cfcheck.bot.card.Clip;

/**
 * Makes text from the network safe to print on a terminal: a probed site must not be able to send escape
 * sequences (colour, cursor moves, title changes) through a page title or a header.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Removes C0 and C1 control characters (line breaks and tabs become spaces), and caps the length with an
     * ellipsis when printable text was cut.
     */
    public static String safe(String s, int maxLength) {
        if (s == null) {
            return "";
        }
        // One character past the cap is enough to know whether anything was cut.
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength + 1));
        for (int i = 0; i < s.length() && out.length() <= maxLength; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)) {
                out.append(c);
            }
        }
        return Clip.shorten(out.toString(), maxLength);
    }

    public static String safe(String s) {
        return safe(s, 2000);
    }
}
