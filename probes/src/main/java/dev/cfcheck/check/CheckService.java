package dev.cfcheck.check;

/**
 * Runs checks. The {@link Checker} is the implementation; adapters depend on this interface only.
 */
@FunctionalInterface
public interface CheckService {

    /**
     * Runs (or serves from cache) one check. Never takes longer than the request's timeout plus a small margin.
     */
    CheckReport check(CheckRequest request);
}
