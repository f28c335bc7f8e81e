package dev.cfcheck.testing;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What {@link TlsTestServer} and {@link PlainHttpServer} write once a request has come, before they close the
 * connection: raw bytes, so a reply may be anything a server can send (broken, huge, endless, slow). A reply that
 * streams writes as it goes and stops when the client has gone (the write fails): the server never holds it.
 */
@FunctionalInterface
public interface ServerReply {

    /** Writes the reply; an {@link IOException} (the client closed) ends it. */
    void writeTo(OutputStream out) throws IOException;

    /** A reply of these bytes. */
    static ServerReply of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return out -> out.write(copy);
    }
}
