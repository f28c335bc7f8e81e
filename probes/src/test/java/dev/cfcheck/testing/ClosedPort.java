package dev.cfcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A loopback port with nothing listening: a connect to it gets a RST ("connection refused", Cloudflare's
 * 521). Found by binding an ephemeral port and closing it again; another process could in theory take it
 * in between, which on a test machine does not happen in practice.
 */
public final class ClosedPort {
    private ClosedPort() {
    }

    /** A port on 127.0.0.1 that nothing listens on right now. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
