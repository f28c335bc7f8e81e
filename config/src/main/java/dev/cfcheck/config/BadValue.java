package dev.cfcheck.config;

import java.util.List;

/**
 * A value that parsed but makes no sense ("-5" for a size, "fast" for an SSL mode), thrown by the records'
 * constructors and the YAML deserializers. The key path is relative to the object that threw it, so the loader
 * can append it to the path Jackson reports and find the line of the key.
 */
final class BadValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_LENGTH = 80;

    private final transient KeyPath keyPath;
    private final String problem;

    BadValue(KeyPath keyPath, String problem) {
        super(keyPath.isRoot() ? problem : keyPath + ": " + problem);
        this.keyPath = keyPath;
        this.problem = problem;
    }

    BadValue(String key, String problem) {
        this(KeyPath.of(key), problem);
    }

    KeyPath keyPath() {
        return keyPath;
    }

    String problem() {
        return problem;
    }

    /**
     * A value from the file, quoted for a message: control characters replaced and the length bounded, so one
     * line stays one line. Never use it for anything that might be a secret.
     */
    static String shown(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (printable.length() > SHOWN_LENGTH) {
            printable = printable.substring(0, SHOWN_LENGTH) + "...";
        }
        return "'" + printable + "'";
    }
}
