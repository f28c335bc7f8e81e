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
        if (max <= 1) {
            return max == 1 ? "…" : "";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
