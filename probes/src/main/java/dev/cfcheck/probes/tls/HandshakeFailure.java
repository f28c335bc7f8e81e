package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.OneLine;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a TLS handshake failed, told from what the JDK reported and the first bytes the peer sent.
 * The JDK's wording is matched because JSSE exposes no alert codes; the texts matched are stable since
 * JDK 11.
 *
 * @param failure the class of failure
 * @param detail  one line for people
 */
record HandshakeFailure(TlsFailure failure, String detail) {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");
    private static final Pattern SELECTED_VERSION = Pattern.compile("server selected protocol version (\\w+)", Pattern.CASE_INSENSITIVE);

    /**
     * @param error       what the handshake threw
     * @param firstBytes  the first bytes the peer sent (may be empty)
     * @param deadlineHit the check's deadline closed the socket
     * @param timeoutMs   the socket read timeout in force
     */
    static HandshakeFailure of(IOException error, String firstBytes, boolean deadlineHit, long timeoutMs) {
        if (deadlineHit) {
            return new HandshakeFailure(TlsFailure.TIMEOUT, "the handshake had not finished when the check's deadline came");
        }
        if (causedBy(error, SocketTimeoutException.class)) {
            return new HandshakeFailure(TlsFailure.TIMEOUT, HandshakeTimeout.stalled(timeoutMs).message());
        }
        String messages = messages(error);
        String lower = messages.toLowerCase(Locale.ROOT);
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            return notTls(firstBytes);
        }
        Matcher selected = SELECTED_VERSION.matcher(messages);
        if (selected.find()) {
            return new HandshakeFailure(TlsFailure.PROTOCOL_VERSION,
                    "the server chose " + OneLine.of(selected.group(1)) + ", which this client does not accept (TLS 1.2 or newer)");
        }
        if (lower.contains("no appropriate protocol")) {
            return new HandshakeFailure(TlsFailure.PROTOCOL_VERSION, "no TLS version in common with the server");
        }
        Matcher alert = ALERT.matcher(messages);
        if (alert.find()) {
            String name = alert.group(1);
            switch (name) {
                case "protocol_version":
                    return new HandshakeFailure(TlsFailure.PROTOCOL_VERSION,
                            "the server sent a protocol_version alert: it does not speak TLS 1.2 or 1.3");
                case "handshake_failure":
                case "insufficient_security":
                    return new HandshakeFailure(TlsFailure.NO_SHARED_CIPHER,
                            "the server sent a " + name + " alert: most often no cipher suite in common");
                default:
                    return new HandshakeFailure(TlsFailure.OTHER, "the server sent a " + OneLine.of(name) + " alert");
            }
        }
        if (lower.contains("no cipher suites in common")) {
            return new HandshakeFailure(TlsFailure.NO_SHARED_CIPHER, "no cipher suite in common with the server");
        }
        if (causedBy(error, EOFException.class) || lower.contains("remote host terminated")
                || lower.contains("connection reset") || lower.contains("broken pipe")
                || (error instanceof SocketException && lower.contains("closed"))) {
            return new HandshakeFailure(TlsFailure.CONNECTION_CLOSED, "the server closed the connection during the handshake");
        }
        return new HandshakeFailure(TlsFailure.OTHER, OneLine.of(error));
    }

    private static HandshakeFailure notTls(String firstBytes) {
        if (firstBytes.startsWith("HTTP/")) {
            int end = firstBytes.indexOf('\r');
            String statusLine = end > 0 ? firstBytes.substring(0, end) : firstBytes;
            return new HandshakeFailure(TlsFailure.PLAIN_HTTP, "the port answered plain HTTP (\"" + printable(statusLine) + "\"), not TLS");
        }
        if (firstBytes.isEmpty()) {
            return new HandshakeFailure(TlsFailure.PLAIN_HTTP, "the port answered something that is not TLS, most likely plain HTTP");
        }
        return new HandshakeFailure(TlsFailure.OTHER, "the port speaks something other than TLS: \"" + printable(firstBytes) + "\"");
    }

    /** Peer bytes as safe text: printable ASCII kept, anything else shown as '.'. */
    private static String printable(String bytes) {
        StringBuilder text = new StringBuilder(bytes.length());
        for (char c : bytes.toCharArray()) {
            text.append(c >= 0x20 && c < 0x7f && c != '"' ? c : '.');
        }
        return text.toString();
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null && all.length() < 2000; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
