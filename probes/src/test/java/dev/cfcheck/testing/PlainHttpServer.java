package dev.cfcheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain-HTTP server that answers whatever arrives (a TLS ClientHello included) with one fixed HTTP
 * response and closes: the origin whose port 443 speaks HTTP, not TLS, as nginx does when {@code ssl}
 * is missing from its {@code listen 443} line. Cloudflare shows 525 for it in Full mode. Unlike
 * MockWebServer, which drops a connection it cannot parse, it answers the garbage like a real server.
 *
 * <p>{@link #replying} makes it answer with a {@link RawReply} instead: a reply that cannot be whole.
 *
 * <pre>{@code
 * try (PlainHttpServer plain = PlainHttpServer.start(400)) { ... plain.port() ... }
 * try (PlainHttpServer broken = PlainHttpServer.replying(RawReply.SHORT_BODY)) { ... }
 * }</pre>
 */
public final class PlainHttpServer implements AutoCloseable {
    private static final int SO_TIMEOUT_MS = 5_000;

    private final ServerSocket listener;
    private final byte[] response;

    private PlainHttpServer(ServerSocket listener, byte[] response) {
        this.listener = listener;
        this.response = response;
        Thread acceptor = new Thread(this::serveForever, "plain-http-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts answering every connection with {@code status} on a random loopback port. */
    public static PlainHttpServer start(int status) {
        String body = "<html><body><h1>" + status + "</h1>plain HTTP server</body></html>\n";
        return listening(("HTTP/1.1 " + status + " Test\r\n"
                + "Server: plain-test\r\n"
                + "Content-Type: text/html\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
    }

    /** Starts answering every connection with {@code reply}, then closing it, on a random loopback port. */
    public static PlainHttpServer replying(RawReply reply) {
        return listening(reply.bytes());
    }

    private static PlainHttpServer listening(byte[] response) {
        try {
            return new PlainHttpServer(new ServerSocket(0, 50, Loopback.ADDRESS), response);
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
            try {
                Socket socket = listener.accept();
                // One thread per connection: a client that connects and sends nothing must not delay the others.
                Thread handler = new Thread(() -> answer(socket), "plain-http-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(SO_TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            // Wait for the first bytes, whatever they are, then answer like a server that read a bad request.
            if (in.read(new byte[4096]) < 0) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(response);
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            // One client misbehaving ends that connection only.
        }
    }

    @Override
    public void close() {
        Closing.quietly(listener);
    }
}
