package dev.cfcheck.check;

import java.util.concurrent.CompletableFuture;

/**
 * Runs checks. The {@link Checker} is the implementation; adapters depend on this interface only.
 */
@FunctionalInterface
public interface CheckService {

    /**
     * Runs (or serves from cache) one check. Never takes longer than the request's timeout plus a small margin.
     */
    CheckReport check(CheckRequest request);

    /**
     * The final report of a check whose report was preliminary ({@code isFinal()} false): completes when the
     * follow-up ends (Cloudflare's own answer, or the follow-up limit). At once with {@code report} itself when
     * it is final, or when no follow-up is known for it.
     */
    default CompletableFuture<CheckReport> followUp(CheckRequest request, CheckReport report) {
        return CompletableFuture.completedFuture(report);
    }
}
