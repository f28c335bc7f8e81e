package dev.cfcheck.probes;

/**
 * One probe, as the checker sees it (blackbox_exporter's prober signature): a context with the target, the
 * addresses DNS gave and the deadline in; its own result type out, worded by the describer its key brings.
 * A probe returns data and never throws for a network failure; it never waits past {@link ProbeContext#deadline()}.
 *
 * <p>Adding a probe: a package with the probe, its result record and its describer, and one line in the list
 * the checker is built with ({@code dev.cfcheck.check.LiveProbes}). Nothing else changes: the report, the
 * diagnosis's evidence and the cards read every result through its key's describer.
 *
 * @param <R> the result type, serialised into the report under {@link #key()}
 */
public interface Probe<R> {

    /** Its name in the report and the describer of its result. */
    ProbeKey<R> key();

    /**
     * Runs the probe. Returns {@link ProbeOutcome#notRun()} when it does not apply to this check (no origin
     * known, nothing resolved); a probe that keeps something running past the deadline returns the result
     * as of the deadline plus the final one to come (see {@link ProbeOutcome#later()}).
     */
    ProbeOutcome<R> run(ProbeContext context);

    /** Threads one check's run of this probe holds at once: the checker sizes its pool from the sum. */
    default int threadsPerCheck() {
        return 1;
    }
}
