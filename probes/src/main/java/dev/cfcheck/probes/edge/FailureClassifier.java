package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.BrokenReply;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure.Kind;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.HandshakeTimeout;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Names why an HTTP exchange failed, from the exception OkHttp gave. OkHttp wraps the socket's own
 * exception ("Failed to connect to /1.2.3.4:443" caused by "Connection refused"), so the cause chain is
 * read, most specific first. The message is one short line in our words, followed by the sanitised exception
 * text only where that adds something (the TLS alert, the bad status line, the name that did not resolve).
 * Public so that every probe speaking HTTP to the edge (the trace probe) names failures the same way.
 */
public final class FailureClassifier {

    /**
     * Socket timeouts are set to the time left when a call starts, in whole milliseconds rounded down, so
     * they can fire just before the deadline itself: within this margin a timeout is the deadline's.
     */
    private static final long DEADLINE_MARGIN_MS = 50;

    private static final int MAX_CAUSES = 8;

    private FailureClassifier() {
    }

    /** Why a call failed before its response headers were whole. */
    public static Failure classify(IOException e, Deadline deadline) {
        return classify(e, deadline, null);
    }

    /**
     * As {@link #classify(IOException, Deadline)}, for a call whose TLS handshake had started and not finished
     * after {@code handshakeWaitedMs} ({@code null} when no handshake was under way): a socket timeout there
     * is a stalled handshake, not a silent server.
     */
    public static Failure classify(IOException e, Deadline deadline, Long handshakeWaitedMs) {
        if (handshakeWaitedMs != null && causedBy(e, SocketTimeoutException.class)) {
            return HandshakeTimeout.stalled(handshakeWaitedMs);
        }
        if (BrokenReply.endedInHeaders(e)) {
            return BrokenReply.inHeaders();
        }
        Kind kind = kindOf(e, deadline);
        return new Failure(kind, message(kind, e));
    }

    /**
     * Why reading a body failed once the headers had come: a timeout is still the deadline's (or a slow peer's),
     * anything else means the body cannot be whole (cut short, broken chunks), found at once.
     */
    public static Failure classifyBody(IOException e, Deadline deadline) {
        return BrokenReply.isTimeout(e) ? classify(e, deadline) : BrokenReply.inBody(e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Kind kindOf(IOException e, Deadline deadline) {
        boolean deadlineReached = deadline.expired() || deadline.remaining().toMillis() < DEADLINE_MARGIN_MS;
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            Kind kind = direct(t, deadlineReached);
            if (kind != null) {
                return kind;
            }
        }
        return deadlineReached ? Kind.DEADLINE : Kind.OTHER;
    }

    private static Kind direct(Throwable t, boolean deadlineReached) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof UnknownHostException) {
            return Kind.DNS;
        }
        if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
            return Kind.UNREACHABLE;
        }
        if (t instanceof SocketTimeoutException) {
            // Every socket timeout is derived from the deadline; one that fires early is a plain timeout.
            return deadlineReached ? Kind.DEADLINE : Kind.TIMEOUT;
        }
        if (t instanceof InterruptedIOException) {
            // OkHttp's call timeout ("timeout") is the deadline; "canceled" is cfcheck cutting the call at it.
            return Kind.DEADLINE;
        }
        if (t instanceof ConnectException) {
            if (message.contains("refused")) {
                return Kind.REFUSED;
            }
            if (message.contains("unreachable") || message.contains("no route")) {
                return Kind.UNREACHABLE;
            }
            if (message.contains("timed out")) {
                return deadlineReached ? Kind.DEADLINE : Kind.TIMEOUT;
            }
            return null; // "Failed to connect to ..." wraps the real reason: read the cause
        }
        if (t instanceof SSLException) {
            return Kind.TLS;
        }
        if (t instanceof ProtocolException) {
            return Kind.PROTOCOL;
        }
        if (message.equals("canceled")) {
            return Kind.DEADLINE;
        }
        if (t instanceof SocketException || t instanceof EOFException
                || message.startsWith("unexpected end of stream")
                || t.getClass().getSimpleName().equals("StreamResetException")
                || t.getClass().getSimpleName().equals("ConnectionShutdownException")) {
            return Kind.RESET;
        }
        return null;
    }

    private static String message(Kind kind, IOException e) {
        return switch (kind) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case UNREACHABLE -> "network or host unreachable";
            case RESET -> mentionsReset(e) ? "connection reset by the peer"
                    : "connection closed before a full response";
            case TLS -> withDetail("TLS handshake failed", tlsDetail(OneLine.ofRootCause(e)));
            case TLS_TIMEOUT -> "not finished after connecting"; // named with its wait by HandshakeTimeout.stalled
            case BROKEN_REPLY -> BrokenReply.inHeaders().message();
            case PROTOCOL -> withDetail("not a valid HTTP response", OneLine.ofRootCause(e));
            case DNS -> withDetail("host did not resolve", OneLine.ofRootCause(e));
            case UNSAFE_ADDRESS -> "address refused by the safe-target policy";
            case DEADLINE -> "no answer before the check's deadline";
            case OTHER -> withDetail("request failed", OneLine.ofRootCause(e));
        };
    }

    private static String withDetail(String what, String rawDetail) {
        String detail = OneLine.of(rawDetail);
        return detail == null ? what : what + ": " + detail;
    }

    /** OkHttp's hostname mismatch message goes on with pins and names: its first clause says it all. */
    private static String tlsDetail(String message) {
        if (message != null && message.startsWith("Hostname ")) {
            int end = message.indexOf(" not verified");
            if (end > 0) {
                return message.substring(0, end + " not verified".length());
            }
        }
        return message;
    }

    private static boolean mentionsReset(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }
}
