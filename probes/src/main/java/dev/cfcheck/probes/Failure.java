package dev.cfcheck.probes;

/**
 * Why a network step did not complete.
 *
 * @param kind    the class of failure
 * @param message one line for people; built from our own words and sanitised exception text
 */
public record Failure(Kind kind, String message) {

    public enum Kind {
        /** Connection refused (RST to our SYN). */
        REFUSED,
        /** No answer before the timeout: SYN unanswered, or no response after connecting. */
        TIMEOUT,
        /** No route to host / network unreachable. */
        UNREACHABLE,
        /** The connection was reset or closed before a full response. */
        RESET,
        /** TLS handshake failed. */
        TLS,
        /** TCP connected but the TLS handshake did not finish in time: a stalled handshake, not a refusal. */
        TLS_TIMEOUT,
        /**
         * A reply that started but cannot be whole: fewer body bytes than {@code Content-Length}, the connection
         * closed inside the headers, broken chunked encoding. Cloudflare shows such an origin reply as 520.
         */
        BROKEN_REPLY,
        /** The peer answered something that is not valid HTTP. */
        PROTOCOL,
        /** A host (e.g. a redirect target) did not resolve. */
        DNS,
        /** The safe-target policy refused the address (loopback, private, metadata...). */
        UNSAFE_ADDRESS,
        /** The overall deadline ended the probe. */
        DEADLINE,
        OTHER
    }
}
