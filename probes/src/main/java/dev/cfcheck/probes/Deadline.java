package dev.cfcheck.probes;

import java.time.Duration;

/**
 * The one deadline a whole check runs under. Every probe asks it how long it may still wait and sets
 * that as its socket/call timeout, so nothing can block past the end of the check.
 */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Time left in whole milliseconds, at least 1 so that it can be passed as a socket timeout (0 means infinite). */
    public int remainingMillisForSocket() {
        long ms = remaining().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** The smaller of {@code cap} and the time left: for a step that has its own budget inside the check. */
    public Duration capped(Duration cap) {
        Duration left = remaining();
        return left.compareTo(cap) < 0 ? left : cap;
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }
}
