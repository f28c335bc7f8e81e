package dev.cfcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Accepts TCP connections on 127.0.0.1 and never sends a byte: the origin that is up but hangs (a stuck
 * application behind a listening socket), which Cloudflare reports as 524 (or, during a TLS handshake, a
 * silent TLS port). Connections are held open until {@link #close()}.
 *
 * <pre>{@code
 * try (SilentServer silent = SilentServer.start()) {
 *     probe.connect(silent.address(), silent.port(), deadline);
 *     silent.awaitConnections(1, 5, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Semaphore accepted = new Semaphore(0);

    private SilentServer(ServerSocket listener) {
        this.listener = listener;
        Thread acceptor = new Thread(this::acceptForever, "silent-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening on a random loopback port. */
    public static SilentServer start() {
        try {
            return new SilentServer(new ServerSocket(0, 50, Loopback.ADDRESS));
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

    /** Waits until {@code count} connections have been accepted in all; false if that did not happen in time. */
    public boolean awaitConnections(int count, long timeout, TimeUnit unit) throws InterruptedException {
        if (accepted.tryAcquire(count, timeout, unit)) {
            accepted.release(count);
            return true;
        }
        return false;
    }

    /** How many connections have been accepted so far: a stand-in that must see none asserts 0. */
    public int connections() {
        return accepted.availablePermits();
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
                accepted.release();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Stops listening and closes every held connection. */
    @Override
    public void close() {
        Closing.quietly(listener);
        held.forEach(Closing::quietly);
    }
}
