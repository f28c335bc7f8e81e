package dev.cfcheck.probes.tls;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket that remembers the first bytes the peer sent. TLS is layered over it, so when the
 * handshake fails with "unrecognized SSL message" we can still say what the port spoke instead
 * ("HTTP/1.1 400 ..." from a plain-HTTP server on 443, "SSH-2.0" ...).
 */
final class FirstBytesSocket extends Socket {
    static final int KEEP = 64;

    private final byte[] first = new byte[KEEP];
    private int kept;
    private InputStream recording;

    /** Direct: a plain socket would go through {@code -DsocksProxyHost} when it is set. */
    FirstBytesSocket() {
        super(Proxy.NO_PROXY);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (recording == null) {
            InputStream recorder = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        keep(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        keep(buffer, offset, n);
                    }
                    return n;
                }
            };
            // TLS reads a 5-byte record header first; buffering makes the recorder see the whole first
            // segment, so a plain-HTTP answer is kept up to its status line, not just "HTTP/".
            recording = new BufferedInputStream(recorder, 8192);
        }
        return recording;
    }

    private synchronized void keep(byte[] buffer, int offset, int length) {
        int n = Math.min(length, KEEP - kept);
        if (n > 0) {
            System.arraycopy(buffer, offset, first, kept, n);
            kept += n;
        }
    }

    /** The first bytes received, as ISO-8859-1 text (binary bytes stay visible as characters to be escaped). */
    synchronized String firstBytes() {
        return new String(first, 0, kept, StandardCharsets.ISO_8859_1);
    }
}
