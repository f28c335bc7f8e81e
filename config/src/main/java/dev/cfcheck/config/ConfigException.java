package dev.cfcheck.config;

/**
 * The configuration (the YAML file or a secret in the environment) cannot be used.
 *
 * <p>The message is one line meant for the operator as it is, for example
 * {@code cfcheck.yml line 7: unknown key 'timout' (known: timeout, resolver, ...)}: callers print
 * {@link #getMessage()} and exit, no stack trace. It never contains a secret's value.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    ConfigException(String source, int line, String key, String problem) {
        super(format(source, line, problem));
        this.source = source;
        this.line = line;
        this.key = key;
    }

    ConfigException(String source, String problem) {
        this(source, 0, null, problem);
    }

    /** The file or environment variable at fault, e.g. {@code cfcheck.yml} or {@code SLACK_BOT_TOKEN_FILE}. */
    public String source() {
        return source;
    }

    /** The 1-based line in the file, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** The dotted key at fault, e.g. {@code cache.maxSize} or {@code domains.example.com.origins[1]}; null when none. */
    public String key() {
        return key;
    }

    private static String format(String source, int line, String problem) {
        String where = line > 0 ? source + " line " + line : source;
        // One line, whatever a path or a YAML error put into it.
        return (where + ": " + problem).replaceAll("[\\r\\n\\t]+", " ");
    }
}
