package dev.cfcheck.probes.origin;

/**
 * Turns text that came from the network or an exception into one short, printable line: control
 * characters (including CR/LF) become spaces and the length is bounded, so a hostile peer cannot forge
 * extra lines in a card or a log.
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
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && line.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > MAX_LENGTH) {
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
