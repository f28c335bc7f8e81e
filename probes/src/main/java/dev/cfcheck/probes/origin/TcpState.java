package dev.cfcheck.probes.origin;

/** What a plain TCP connect to the origin saw. */
public enum TcpState {
    CONNECTED,
    /** RST: nothing listens, or a firewall rejects. */
    REFUSED,
    /** SYN unanswered: a firewall drops, or the host is down. */
    TIMEOUT,
    /** No route to host / network unreachable. */
    UNREACHABLE
}
