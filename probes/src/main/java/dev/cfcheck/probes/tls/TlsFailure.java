package dev.cfcheck.probes.tls;

/** Why a TLS handshake failed, where it can be told. */
public enum TlsFailure {
    /** The port answered plain HTTP where TLS was expected. */
    PLAIN_HTTP,
    /** No protocol version in common (e.g. the server only speaks TLS 1.0). */
    PROTOCOL_VERSION,
    /** No cipher suite in common. */
    NO_SHARED_CIPHER,
    /** The server closed or reset the connection during the handshake. */
    CONNECTION_CLOSED,
    /** The handshake did not finish in time. */
    TIMEOUT,
    /** TCP could not connect at all. */
    CONNECT_FAILED,
    /** Any other handshake alert or error. */
    OTHER
}
