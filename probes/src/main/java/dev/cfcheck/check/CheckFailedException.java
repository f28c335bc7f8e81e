package dev.cfcheck.check;

/** A check that could not produce a report (an internal error, not a finding about the site). */
public final class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
