package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.Deadline;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when the check's deadline comes. A socket read timeout alone is not enough during a TLS
 * handshake: a peer that trickles one byte per second restarts it on every read. Closing the socket makes
 * the blocked read fail at once, so nothing outlives the deadline.
 */
final class DeadlineGuard implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private final ScheduledFuture<?> closing;
    private volatile boolean fired;

    private DeadlineGuard(Socket socket, Deadline deadline) {
        this.closing = SCHEDULER.schedule(() -> {
            fired = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed is what we wanted.
            }
        }, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Arms the guard; close it (try-with-resources) when the socket work is done in time. */
    static DeadlineGuard closeAt(Socket socket, Deadline deadline) {
        return new DeadlineGuard(socket, deadline);
    }

    /** True when the deadline came and the socket was closed by this guard. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        closing.cancel(false);
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, new DaemonThreads("cfcheck-tls-deadline-"));
        scheduler.setRemoveOnCancelPolicy(true); // cancelled guards must not pile up until their deadline
        return scheduler;
    }
}
