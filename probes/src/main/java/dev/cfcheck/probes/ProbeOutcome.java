package dev.cfcheck.probes;

import java.util.concurrent.CompletableFuture;

/**
 * What a probe run gives the checker.
 *
 * @param result the result at the deadline, or {@code null} when the probe did not apply
 * @param later  the final result when the probe is still waiting on something past the deadline (the edge
 *               waiting for Cloudflare's own 522 or 524), completing by the follow-up limit; {@code null} when
 *               {@code result} is already final
 * @param <R>    the result type
 */
public record ProbeOutcome<R>(R result, CompletableFuture<R> later) {

    public static <R> ProbeOutcome<R> of(R result) {
        return new ProbeOutcome<>(result, null);
    }

    public static <R> ProbeOutcome<R> notRun() {
        return new ProbeOutcome<>(null, null);
    }

    public boolean isFinal() {
        return later == null;
    }
}
