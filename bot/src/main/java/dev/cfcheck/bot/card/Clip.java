package dev.cfcheck.bot.card;

import dev.cfcheck.probes.NetworkText;

/**
 * Shortens and flattens text that came from the network or a user before it goes on a card: the characters
 * {@link NetworkText} hides are dropped (controls, bidi and zero-width characters), line breaks become spaces
 * where one line is wanted (a header value must not start a new line on the card), and anything past a length
 * becomes an ellipsis. The card model is the one place renderers get text from, so this applies the rule once
 * for every surface; platform escaping happens later, in the renderers.
 */
public final class Clip {

    private Clip() {
    }

    /** One line, at most {@code max} characters (code points are never split). */
    public static String line(String s, int max) {
        if (s == null) {
            return null;
        }
        return shorten(NetworkText.visible(s).strip(), max);
    }

    /** Keeps line breaks, drops what {@link NetworkText} hides, at most {@code max} characters. */
    public static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        return shorten(NetworkText.visibleLines(s).strip(), max);
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
