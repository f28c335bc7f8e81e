package dev.cfcheck.probes.status;

import dev.cfcheck.probes.Failure;

/**
 * Cloudflare's status page as this check saw it.
 *
 * @param url     the summary's URL
 * @param summary what it said, or {@code null} when it could not be read (see {@code failure})
 * @param failure why not, or {@code null}
 */
public record StatusResult(String url, StatusSummary summary, Failure failure) {
}
