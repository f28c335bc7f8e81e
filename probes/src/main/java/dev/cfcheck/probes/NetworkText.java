package dev.cfcheck.probes;

/**
 * The one rule for which characters of network text (a header, a certificate name, a page title, a URL, an
 * error message) may be shown. Line breaks, tabs and the other whitespace controls become a space (a value
 * cannot start a line of its own); the other control characters (Cc: ESC, BEL, C1) are dropped, so a site
 * cannot repaint a terminal; format characters (Cf: bidi overrides and isolates U+202A-U+202E, U+2066-U+2069,
 * zero-width U+200B-U+200F, the BOM U+FEFF...), lone surrogates, private-use and unassigned code points are
 * dropped, so text cannot read differently from what it is.
 *
 * <p>Probes apply it where their results keep text ({@link OneLine} builds on it), and the card model applies
 * it once more before any renderer. Escaping for a platform's markup stays the renderer's job.
 */
public final class NetworkText {

    /** The longest URL kept in a result (a redirect's {@code Location}, the final URL): 2 KiB. */
    public static final int MAX_URL = 2048;

    /** What a character becomes. */
    enum Fate { KEEP, SPACE, BREAK, DROP }

    private NetworkText() {
    }

    /** The text with hidden characters dropped and breaks and whitespace controls turned into spaces; {@code null} stays null. */
    public static String visible(String text) {
        return text == null ? null : visible(text, false);
    }

    /** As {@link #visible(String)}, but line breaks ({@code \r\n}, {@code \r}, U+2028...) stay, as {@code \n}. */
    public static String visibleLines(String text) {
        return text == null ? null : visible(text, true);
    }

    /**
     * A URL as a result keeps it: {@link #visible(String) visible}, at most {@value #MAX_URL} characters; a longer
     * one is cut and ends with a marker that says so and how long it was ({@code …[clipped, 255000 characters]}).
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(url.length(), MAX_URL + 1));
        for (int i = 0; i < url.length() && out.length() <= MAX_URL; ) {
            int cp = url.codePointAt(i);
            i += Character.charCount(cp);
            append(out, cp, false);
        }
        if (out.length() <= MAX_URL) {
            return out.toString();
        }
        String marker = "…[clipped, " + url.length() + " characters]";
        int cut = MAX_URL - marker.length();
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return out.substring(0, cut) + marker;
    }

    static Fate fate(int cp) {
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return Fate.BREAK;
        }
        if (Character.isISOControl(cp)) {
            return Character.isWhitespace(cp) ? Fate.SPACE : Fate.DROP; // tab and the separators FS..US
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED ? Fate.DROP : Fate.KEEP;
    }

    private static String visible(String text, boolean keepBreaks) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' && i < text.length() && text.charAt(i) == '\n') {
                continue; // \r\n is one break
            }
            append(out, cp, keepBreaks);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, int cp, boolean keepBreaks) {
        switch (fate(cp)) {
            case KEEP -> out.appendCodePoint(cp);
            case SPACE -> out.append(' ');
            case BREAK -> out.append(keepBreaks ? '\n' : ' ');
            case DROP -> { }
        }
    }
}
