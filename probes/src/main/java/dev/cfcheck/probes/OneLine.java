package dev.cfcheck.probes;

/**
 * Turns untrusted text (a header value, a page title, an exception message, a note from the config) into
 * one short line that is safe to show on a card or in a log: the characters {@link NetworkText} hides are
 * dropped (controls, bidi overrides, zero-width, private use, unassigned), runs of whitespace, CR/LF included,
 * become one space, and the length is capped. A hostile peer thus cannot forge a second line of evidence,
 * repaint a terminal or make text read differently from what it is. Escaping for a chat platform's markup is
 * the renderer's job.
 */
public final class OneLine {
    /** The cap of {@link #of(String)}. */
    public static final int MAX_LENGTH = 200;

    /** Causes read at most: a chain is short, a cycle must not loop. */
    private static final int MAX_CAUSES = 8;

    private OneLine() {
    }

    /** The text as one line of at most {@value #MAX_LENGTH} characters; {@code null} when nothing readable is left. */
    public static String of(String text) {
        return of(text, MAX_LENGTH);
    }

    /**
     * The text as one line of at most {@code max} characters (a longer one is cut and ends with an
     * ellipsis); {@code null} for {@code null} or when nothing readable is left.
     */
    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length() && out.length() <= max; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            NetworkText.Fate fate = NetworkText.fate(cp);
            if (fate == NetworkText.Fate.DROP) {
                continue;
            }
            if (fate != NetworkText.Fate.KEEP || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        if (out.length() == 0) {
            return null;
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int cut = max - 1;
        if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return out.substring(0, cut).stripTrailing() + "\u2026";
    }

    /** The exception's message as one line, or its type's simple name when it has none. */
    public static String of(Throwable error) {
        String message = of(error.getMessage());
        return message == null ? error.getClass().getSimpleName() : message;
    }

    /**
     * The deepest message in the exception's cause chain (the informative one: "Connection refused", "unexpected
     * end of stream", "PKIX path building failed") as one line, or {@code null} when none has a message.
     */
    public static String ofRootCause(Throwable error) {
        String message = error.getMessage();
        Throwable t = error.getCause();
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return of(message);
    }
}
