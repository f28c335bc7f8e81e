package dev.cfcheck.bot.card;

/**
 * Shortens and flattens text that came from the network or a user before it goes on a card: control
 * characters become spaces (a header value must not start a new line on the card), and anything past a
 * length becomes an ellipsis. Platform escaping happens later, in the renderers.
 */
public final class Clip {

    private Clip() {
    }

    /** One line, at most {@code max} characters (code points are never split). */
    public static String line(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp));
        return shorten(b.toString().strip(), max);
    }

    /** Keeps line breaks, drops other control characters, at most {@code max} characters. */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (cp == '\t') {
                b.append(' ');
            } else if (!Character.isISOControl(cp)) {
                b.appendCodePoint(cp);
            }
        });
        return shorten(b.toString().strip(), max);
    }

    /** At most {@code max} characters, the last one an ellipsis when something was cut; never splits a surrogate pair. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        return cut(s, max - 1);
    }

    /**
     * The first {@code end} characters followed by an ellipsis, one fewer when the last would be the first half
     * of a surrogate pair. The renderers pick {@code end} by their own markup rules and finish here.
     */
    public static String cut(String s, int end) {
        int e = Math.max(0, Math.min(end, s.length()));
        if (e > 0 && Character.isHighSurrogate(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e) + "…";
    }
}
