package dev.cfcheck.bot.render.terminal;

/**
 * Makes text from the network safe to print on a terminal: a probed site must not be able to send escape
 * sequences (colour, cursor moves, title changes) through a page title or a header.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** Removes C0 and C1 control characters (keeping nothing but printable text), and caps the length. */
    public static String safe(String s, int maxLength) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength));
        for (int i = 0; i < s.length() && out.length() < maxLength; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)) {
                out.append(c);
            }
        }
        if (s.length() > maxLength && out.length() >= maxLength) {
            out.setLength(Math.max(0, maxLength - 1));
            out.append('…');
        }
        return out.toString();
    }

    public static String safe(String s) {
        return safe(s, 2000);
    }
}
