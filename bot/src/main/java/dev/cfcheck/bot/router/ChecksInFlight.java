package dev.cfcheck.bot.router;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's checks whose reply has not been handed over yet: no thread waits on them, so this count is how a
 * shutdown knows when every reply has gone out. Once closing, nothing new enters.
 */
final class ChecksInFlight {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closing;

    /** False once closing: the check must not start. */
    boolean enter() {
        // Count first, then look: a close that finds the count at zero can then be sure nothing gets in after it.
        count.incrementAndGet();
        if (closing) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (count.decrementAndGet() == 0 && closing) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int count() {
        return count.get();
    }

    /** Refuses new checks from now on and waits up to {@code grace} for the others; false if some are still out. */
    boolean closeAndAwait(Duration grace) {
        closing = true;
        long end = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            while (count.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
