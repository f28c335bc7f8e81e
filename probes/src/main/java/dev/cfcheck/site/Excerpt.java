package dev.cfcheck.site;

/**
 * A short, harmless piece of user input for error messages: at most {@value #MAX_CHARS} characters,
 * letters, digits and URL punctuation kept, anything else (controls, markup, quotes, backticks,
 * invisible or bidi characters) shown as '?'. Messages go to chat and terminals, where input is never
 * echoed as-is.
 */
final class Excerpt {
    static final int MAX_CHARS = 60;
    private static final String KEPT_PUNCTUATION = ".-:/[]@?=#%+,;!$()_";

    private Excerpt() {
    }

    /** The excerpt in double quotes, e.g. {@code "exa?mple.com"}. */
    static String quoted(String input) {
        StringBuilder sb = new StringBuilder("\"");
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_CHARS) {
                sb.append("...");
                break;
            }
            boolean kept = (Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.FORMAT)
                    || (cp < 128 && KEPT_PUNCTUATION.indexOf(cp) >= 0);
            sb.appendCodePoint(kept ? cp : '?');
            count++;
        }
        return sb.append('"').toString();
    }
}
