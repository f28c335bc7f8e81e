package dev.cfcheck.site;

/**
 * Input that cannot be checked. The message is one line that names the problem and is safe to show
 * in chat (it never echoes more than a short, sanitised part of the input).
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
