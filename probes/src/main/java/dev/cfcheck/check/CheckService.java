package dev.cfcheck.check;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs checks. The {@link Checker} is the implementation; adapters depend on this interface only.
 */
@FunctionalInterface
public interface CheckService {

    /**
     * Runs (or serves from cache, or joins a run in flight of) one check, without waiting for it: the caller's
     * thread only looks the check up and hands it on. The future completes with the report, never later than the
     * request's timeout plus a turn in the queue and a small margin, or exceptionally with
     * {@link CheckBusyException} (no room for another probe run: the future is already failed when returned),
     * {@link dev.cfcheck.site.UnsafeAddressException} (an origin the safe-target policy refuses) or
     * {@link CheckFailedException} (the check itself failed, not a finding about the site).
     */
    CompletableFuture<CheckReport> check(CheckRequest request);

    /**
     * The final report of a check whose report was preliminary ({@code isFinal()} false): completes when the
     * follow-up ends (Cloudflare's own answer, or the follow-up limit). At once with {@code report} itself when
     * it is final, or when no follow-up is known for it.
     */
    default CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        return CompletableFuture.completedFuture(report);
    }

    /**
     * {@link #check} for a caller that has nothing else to do meanwhile (a one-shot command, a test): waits for
     * the report and throws the check's own exception, not a wrapper.
     */
    default CheckReport checkAndWait(CheckRequest request) {
        return awaitReport(check(request));
    }

    /** Waits for a check's future (or a chain ending in one) and throws the check's own exception, not a wrapper. */
    static CheckReport awaitReport(CompletableFuture<CheckReport> report) {
        try {
            return report.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CheckFailedException("the check failed", cause);
        }
    }
}
