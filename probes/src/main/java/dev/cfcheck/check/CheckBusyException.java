package dev.cfcheck.check;

import java.time.Duration;

/**
 * No room for another probe run: as many distinct checks as the checker takes are running or waiting for a
 * turn. Not a finding about the site and not a failure inside cfcheck: the caller says "busy, try again". A
 * check that joins a run in flight, or that the cache answers, is never refused.
 */
public final class CheckBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** @param retryAfter by when a run in flight will have ended, so that a slot is free again */
    public CheckBusyException(Duration retryAfter) {
        // No stack trace: this is an answer to the caller, not a fault to debug.
        super("no room for another check; retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
