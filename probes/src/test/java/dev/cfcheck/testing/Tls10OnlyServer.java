package dev.cfcheck.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An origin that only speaks TLS 1.0, reproduced at the wire level: it reads the client's first TLS record
 * (the ClientHello) and answers with a ServerHello choosing TLS 1.0 and TLS_RSA_WITH_AES_128_CBC_SHA,
 * exactly what an old server does when a modern client offers TLS 1.2/1.3; a modern client then aborts
 * with a protocol_version alert (Cloudflare shows 525).
 *
 * <p>Why not a JSSE server restricted to "TLSv1": this JVM disables TLS 1.0 in
 * {@code jdk.tls.disabledAlgorithms} for servers and clients alike, so such a server refuses every
 * handshake by itself and would test nothing about version negotiation.
 */
public final class Tls10OnlyServer implements AutoCloseable {
    private static final int SO_TIMEOUT_MS = 5_000;

    /** Record: handshake(22), TLS 1.0, length 42; ServerHello(2), length 38, version 3.1, random, no session id, 0x002f, null compression. */
    private static final byte[] SERVER_HELLO_TLS10 = serverHello();

    private final ServerSocket listener;

    private Tls10OnlyServer(ServerSocket listener) {
        this.listener = listener;
        Thread acceptor = new Thread(this::serveForever, "tls10-only-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Tls10OnlyServer start() {
        try {
            return new Tls10OnlyServer(new ServerSocket(0, 50, Loopback.ADDRESS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetAddress address() {
        return Loopback.ADDRESS;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void serveForever() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(SO_TIMEOUT_MS);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] header = new byte[5];
                in.readFully(header);
                int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                in.readFully(new byte[length]); // the ClientHello, whatever it offers
                OutputStream out = socket.getOutputStream();
                out.write(SERVER_HELLO_TLS10);
                out.flush();
                // Wait for the client's alert (or close) before closing, as a real server would.
                while (in.read() >= 0) {
                    // drain
                }
            } catch (IOException e) {
                // The client gave up; that is the expected end.
            }
        }
    }

    private static byte[] serverHello() {
        byte[] hello = new byte[5 + 4 + 38];
        int i = 0;
        hello[i++] = 22;       // content type: handshake
        hello[i++] = 3;        // record version 3.1 (TLS 1.0)
        hello[i++] = 1;
        hello[i++] = 0;        // record length 42
        hello[i++] = 42;
        hello[i++] = 2;        // handshake type: server_hello
        hello[i++] = 0;        // handshake length 38
        hello[i++] = 0;
        hello[i++] = 38;
        hello[i++] = 3;        // server_version 3.1 (TLS 1.0)
        hello[i++] = 1;
        for (int r = 0; r < 32; r++) {
            hello[i++] = (byte) (r * 7 + 1); // server random
        }
        hello[i++] = 0;        // session id length
        hello[i++] = 0x00;     // TLS_RSA_WITH_AES_128_CBC_SHA
        hello[i++] = 0x2f;
        hello[i] = 0;          // compression: null
        return hello;
    }

    @Override
    public void close() {
        Closing.quietly(listener);
    }
}
