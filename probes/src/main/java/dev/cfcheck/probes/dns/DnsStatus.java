package dev.cfcheck.probes.dns;

/** The outcome of the name lookup, with the DNS failure modes told apart. */
public enum DnsStatus {
    /** At least one A or AAAA address was found. */
    OK,
    NXDOMAIN,
    SERVFAIL,
    REFUSED,
    /** The name exists but has no A/AAAA records. */
    NODATA,
    TIMEOUT,
    /** Anything else (malformed answer, network error talking to the resolver). */
    ERROR
}
