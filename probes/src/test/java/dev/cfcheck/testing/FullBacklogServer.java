package dev.cfcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose SYNs go unanswered, without root or firewall rules: a listener that never accepts,
 * with its accept queue filled by connections of our own. Linux then drops further SYNs (counted in
 * {@code ListenOverflows}), so a connect times out exactly as it does against a firewall that drops
 * packets (Cloudflare's 522).
 *
 * <p>This relies on Linux's behaviour with {@code net.ipv4.tcp_abort_on_overflow=0} (the default).
 * {@link #start()} checks that a connect really times out and throws {@link IllegalStateException}
 * otherwise (queue never full, or full but answering RST); tests can turn that into an assumption.
 */
public final class FullBacklogServer implements AutoCloseable {
    private static final int MAX_FILLERS = 64;
    private static final int FILL_CONNECT_TIMEOUT_MS = 300;

    private final ServerSocket listener;
    private final List<Socket> fillers;

    private FullBacklogServer(ServerSocket listener, List<Socket> fillers) {
        this.listener = listener;
        this.fillers = fillers;
    }

    /** Listens on a random loopback port and fills its accept queue. */
    public static FullBacklogServer start() {
        ServerSocket listener = null;
        List<Socket> fillers = new ArrayList<>();
        try {
            listener = new ServerSocket(0, 1, Loopback.ADDRESS);
            InetSocketAddress target = new InetSocketAddress(Loopback.ADDRESS, listener.getLocalPort());
            for (int i = 0; i < MAX_FILLERS; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(target, FILL_CONNECT_TIMEOUT_MS);
                    fillers.add(filler);
                } catch (SocketTimeoutException e) {
                    Closing.quietly(filler);
                    return new FullBacklogServer(listener, fillers); // the queue is full: SYNs are dropped now
                } catch (ConnectException e) {
                    // tcp_abort_on_overflow=1 (or another kernel): a full queue answers RST, not silence.
                    Closing.quietly(filler);
                    throw new IllegalStateException("this kernel refused a connection to a full backlog: " + e.getMessage());
                }
            }
            throw new IllegalStateException("this kernel kept accepting connections to a full backlog");
        } catch (IOException | RuntimeException e) {
            fillers.forEach(Closing::quietly);
            if (listener != null) {
                Closing.quietly(listener);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public InetAddress address() {
        return Loopback.ADDRESS;
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        fillers.forEach(Closing::quietly);
        Closing.quietly(listener);
    }
}
