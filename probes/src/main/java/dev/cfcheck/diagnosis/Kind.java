package dev.cfcheck.diagnosis;

/**
 * Every diagnosis the engine can reach. Meaning, severity, rank and next steps of each live in the
 * knowledge base ({@code knowledge.yaml}), not here.
 */
public enum Kind {
    HEALTHY,
    ORIGIN_HTTP_ERROR,
    ORIGIN_UNKNOWN_RESPONSE,
    ORIGIN_REFUSED,
    ORIGIN_TIMEOUT,
    ORIGIN_UNREACHABLE,
    RESPONSE_TIMEOUT,
    TLS_HANDSHAKE,
    TLS_CERTIFICATE,
    REDIRECT_LOOP,
    DNS_FAILURE,
    NOT_ON_CLOUDFLARE,
    BLOCKED_BY_CLOUDFLARE,
    CHALLENGE,
    ORIGIN_DNS_ERROR,
    CLOUDFLARE_ERROR,
    EDGE_UNREACHABLE,
    /** The edge connected but had not answered by the deadline, and no origin was known to infer from. */
    EDGE_SILENT,
    /** The reply to the URL asked for broke: closed inside the headers, a body short of its length, broken chunks. */
    EDGE_BROKEN_REPLY,
    /** A probe failed in a way no rule explains: no verdict can be given with positive evidence. */
    INCONCLUSIVE,
    SLOW_RESPONSE,
    CERT_EXPIRING,
    /** Cloudflare's status page reports incidents, or trouble at the serving data centre, while the check fails. */
    CLOUDFLARE_INCIDENT,
    /** The origin completes no TLS 1.2 or 1.3 handshake while the zone asks visitors for at least TLS 1.2. */
    ORIGIN_TLS_BELOW_MINIMUM,
    /** What the Cloudflare API could not say (token, scope, zone, rate limit, no answer): a note, never the verdict. */
    CLOUDFLARE_API
}
