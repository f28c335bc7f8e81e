package dev.cfcheck.testing;

import java.nio.charset.StandardCharsets;

/**
 * Replies that cannot be whole, written as raw bytes by {@link PlainHttpServer#replying} and
 * {@link TlsTestServer.Builder#reply} before they close the connection: what MockWebServer, which always frames
 * its responses correctly, cannot send. Cloudflare shows each of them, from an origin, as 520.
 */
public enum RawReply {
    /** {@code Content-Length: 100}, 10 bytes of body, then the connection closes. */
    SHORT_BODY("HTTP/1.1 200 OK\r\nServer: raw-test\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
            + "0123456789"),
    /** The status line and half a header, then the connection closes. */
    CLOSED_IN_HEADERS("HTTP/1.1 200 OK\r\nServer: raw-test\r\nContent-Ty"),
    /** Nothing at all: the connection closes after the request. */
    EMPTY(""),
    /** Chunked encoding whose second chunk size is not hexadecimal. */
    BROKEN_CHUNKED("HTTP/1.1 200 OK\r\nServer: raw-test\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n");

    private final String raw;

    RawReply(String raw) {
        this.raw = raw;
    }

    public byte[] bytes() {
        return raw.getBytes(StandardCharsets.US_ASCII);
    }
}
