package dev.cfcheck.diagnosis;

import java.util.regex.Pattern;

/**
 * Makes a value inert in a POSIX shell command line. Values come from DNS, the network, the config or the
 * user; a command that will be copy-pasted into a root shell must never run any part of them.
 *
 * <p>Single quotes are used because nothing is special inside them except the single quote itself, which is
 * written as {@code '\''} (close, escaped quote, reopen). Words made only of harmless characters are left
 * bare so that ordinary commands stay readable.
 */
public final class ShellQuote {

    // No glob (*?[]), tilde, brace, quote, $, `, !, #, ;, &, |, <, >, (, ), =, whitespace or control characters.
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+,./:-]+");

    private ShellQuote() {
    }

    /** The value as one shell word: bare when harmless, otherwise single-quoted. */
    public static String quote(String value) {
        if (!value.isEmpty() && BARE.matcher(value).matches()) {
            return value;
        }
        return "'" + insideSingleQuotes(value) + "'";
    }

    /** The value for a spot that is already inside single quotes in a template. */
    public static String insideSingleQuotes(String value) {
        return value.replace("'", "'\\''");
    }
}
