package dev.cfcheck.probes.edge;

/**
 * Per-phase times of one HTTP exchange in milliseconds, measured by an OkHttp {@code EventListener}.
 * A phase that did not happen (no TLS on http, no first byte after a failure) is {@code null}.
 */
public record Timings(Long connectMs, Long tlsMs, Long firstByteMs, Long totalMs) {

    public static final Timings NONE = new Timings(null, null, null, null);
}
