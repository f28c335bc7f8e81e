package dev.cfcheck.probes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * A reply that cannot be whole: the connection closed before the response headers ended (an empty reply
 * included), or the body broke off (fewer bytes than {@code Content-Length}, broken chunked encoding). It is
 * known the moment the stream ends, never at the deadline. Cloudflare shows such an origin reply as 520.
 * Shared by every probe that reads HTTP (edge and origin), so the failure is told and worded the same way.
 */
public final class BrokenReply {

    private static final int MAX_CAUSES = 8;

    private BrokenReply() {
    }

    /**
     * True when reading the response headers failed because the stream ended (the peer closed): not a TLS
     * failure, a timeout or a reset, which are named as such. OkHttp says "unexpected end of stream on ..." around
     * the socket's own exception, so the causes are read.
     */
    public static boolean endedInHeaders(IOException e) {
        boolean ended = false;
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SSLException || t instanceof InterruptedIOException || t instanceof SocketException) {
                return false;
            }
            if (t instanceof EOFException || (t.getMessage() != null && t.getMessage().startsWith("unexpected end of stream"))) {
                ended = true;
            }
        }
        return ended;
    }

    /** True when the failure is a timeout (a socket's or a call's): a body still arriving, not a broken one. */
    public static boolean isTimeout(IOException e) {
        return e instanceof InterruptedIOException;
    }

    /** The connection closed before the response headers ended, or before any byte of a reply. */
    public static Failure inHeaders() {
        return new Failure(Failure.Kind.BROKEN_REPLY, "the connection closed before the response headers ended");
    }

    /**
     * The body could not be read whole ({@code e} is not a timeout): cut short, or its framing broken. OkHttp's
     * own message says which ("unexpected end of stream", "expected chunk size ... but was "zz"").
     */
    public static Failure inBody(IOException e) {
        String detail = OneLine.of(e.getMessage());
        return new Failure(Failure.Kind.BROKEN_REPLY, "the body broke off" + (detail == null ? "" : ": " + detail));
    }
}
