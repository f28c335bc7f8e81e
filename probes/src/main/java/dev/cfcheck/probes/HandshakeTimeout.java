package dev.cfcheck.probes;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * How long a TLS handshake may take once TCP is connected, at the edge and at the origin. A server that
 * accepts the connection and never answers the ClientHello is a fault of its own (Cloudflare's 525 at the
 * origin), and must be named inside the check's deadline, not be mistaken for a silent server at it.
 *
 * @param limit the longest a handshake may take; never more than what the deadline leaves
 */
public record HandshakeTimeout(Duration limit) {

    /** A handshake takes a few round trips: one that has not finished in this long is stalled. */
    public static final HandshakeTimeout DEFAULT = new HandshakeTimeout(Duration.ofSeconds(5));

    public HandshakeTimeout {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
    }

    /** The limit in milliseconds, capped by what the deadline leaves, at least 1 (0 is no timeout for a socket). */
    public int millisWithin(Deadline deadline) {
        return (int) Math.max(1, deadline.capped(limit).toMillis());
    }

    /** {@code factory}'s sockets with their handshake bounded by this limit within {@code deadline}. */
    public SSLSocketFactory bound(SSLSocketFactory factory, Deadline deadline) {
        return new HandshakeTimeoutSocketFactory(factory, millisWithin(deadline));
    }

    /** The failure of a handshake that had not finished after {@code waitedMs}: one wording for every probe. */
    public static Failure stalled(long waitedMs) {
        return new Failure(Failure.Kind.TLS_TIMEOUT, "not finished " + Words.duration(waitedMs) + " after connecting");
    }
}
