package dev.cfcheck.probes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collecting the parts of a probe that ran in parallel (one per origin), under the check's deadline. */
public final class FanOut {

    /** Each part stops at the deadline by itself; this only lets its thread hand the result back. */
    static final Duration GRACE = Duration.ofMillis(500);

    private FanOut() {
    }

    /** The results that came by the deadline (plus grace), in the order the origins were given. */
    public static <T> List<T> collect(List<CompletableFuture<T>> running, Deadline deadline) {
        Deadline collectBy = Deadline.after(deadline.remaining().plus(GRACE));
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : running) {
            try {
                T result = f.get(collectBy.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (result != null) {
                    results.add(result);
                }
            } catch (TimeoutException e) {
                f.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
