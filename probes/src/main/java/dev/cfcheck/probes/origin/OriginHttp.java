package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.Failure;

/**
 * A GET of the target path sent straight to the origin with {@code Host: HOST}.
 *
 * @param url         the URL requested (scheme, origin IP and port, path)
 * @param status      the HTTP status, or {@code null} when none came
 * @param server      the {@code server} header
 * @param firstByteMs time to the first response byte, or {@code null}
 * @param failure     why no (whole) response came, or {@code null}; {@code TIMEOUT} after connecting is the 524
 *                    signal, {@code BROKEN_REPLY} (with or without a status) the 520 one
 */
public record OriginHttp(String url, Integer status, String server, Long firstByteMs, Failure failure) {

    /** True when a response came whole: a status and no failure after it. */
    public boolean complete() {
        return status != null && failure == null;
    }
}
