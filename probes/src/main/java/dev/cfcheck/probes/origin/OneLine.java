package dev.cfcheck.probes.origin;

/**
 * Turns text that came from the network or an exception into one short, printable line: control
 * characters (including CR/LF) become spaces, invisible format characters (bidi overrides, zero-width)
 * become '?', and the length is bounded, so a hostile peer cannot forge extra lines in a card or a log
 * nor reorder what is shown.
 */
public final class OneLine {
    static final int MAX_LENGTH = 200;

    private OneLine() {
    }

    /** The text as one line of at most 200 characters, or {@code null} for {@code null}. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        int i = 0;
        while (i < text.length() && line.length() < MAX_LENGTH) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                line.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) {
                line.append('?');
            } else {
                line.appendCodePoint(cp);
            }
        }
        if (i < text.length()) {
            line.append('…');
        }
        return line.toString().strip();
    }

    /** The exception's message as one line, or its type's simple name when it has none. */
    public static String of(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : of(message);
    }
}
