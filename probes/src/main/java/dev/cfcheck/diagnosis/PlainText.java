package dev.cfcheck.diagnosis;

/**
 * Makes text from the network or the config safe to put on one line: control characters (a newline could
 * forge a second line of evidence, an escape sequence could repaint a terminal) become spaces, and the
 * length is bounded. Escaping for a chat platform's markup is the renderer's job.
 */
public final class PlainText {

    private PlainText() {
    }

    /** For evidence: one line, runs of spaces collapsed, at most {@code max} characters, or {@code null}. */
    public static String clean(String text, int max) {
        String line = oneLine(text, Integer.MAX_VALUE);
        return line == null ? null : cut(line.strip().replaceAll(" {2,}", " "), max);
    }

    /** Control characters replaced by spaces, nothing else changed, at most {@code max} characters. */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), 1024));
        for (int i = 0; i < text.length() && b.length() <= max; i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT;
            b.append(control ? ' ' : c);
        }
        return cut(b.toString(), max);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "\u2026" : s;
    }
}
