package dev.cfcheck.probes.edge;

import dev.cfcheck.site.IpLiteral;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;

/**
 * Measures the phases of one call (one redirect hop) from OkHttp's events: TCP connect, TLS handshake, first
 * response byte, total; and remembers the address connected to. One instance per call; OkHttp may report
 * events from more than one thread, hence the synchronisation.
 */
final class PhaseTimer extends EventListener {

    private long startNanos = System.nanoTime();
    private long connectStartNanos = -1;
    private Long connectNanos;
    private long tlsStartNanos = -1;
    private Long tlsNanos;
    private Long firstByteNanos;
    private String address;

    @Override
    public synchronized void callStart(Call call) {
        startNanos = System.nanoTime();
    }

    /** Time waiting in the dispatcher's queue is cfcheck's, not the edge's: the clock restarts here. */
    @Override
    public synchronized void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
        startNanos = System.nanoTime();
    }

    @Override
    public synchronized void connectStart(Call call, InetSocketAddress socketAddress, Proxy proxy) {
        connectStartNanos = System.nanoTime();
        connectNanos = null;
        address = socketAddress.getAddress() != null ? IpLiteral.format(socketAddress.getAddress()) : null;
    }

    @Override
    public synchronized void secureConnectStart(Call call) {
        tlsStartNanos = System.nanoTime();
        // connectEnd comes only after TLS: the TCP phase ends where TLS starts.
        if (connectStartNanos >= 0) {
            connectNanos = tlsStartNanos - connectStartNanos;
        }
    }

    @Override
    public synchronized void secureConnectEnd(Call call, Handshake handshake) {
        if (tlsStartNanos >= 0) {
            tlsNanos = System.nanoTime() - tlsStartNanos;
        }
    }

    @Override
    public synchronized void connectEnd(Call call, InetSocketAddress socketAddress, Proxy proxy, Protocol protocol) {
        if (connectNanos == null && connectStartNanos >= 0) {
            connectNanos = System.nanoTime() - connectStartNanos;
        }
    }

    @Override
    public synchronized void connectionAcquired(Call call, Connection connection) {
        address = IpLiteral.format(connection.route().socketAddress().getAddress());
    }

    /** OkHttp fires this once the status line and headers have been read: the first byte has arrived. */
    @Override
    public synchronized void responseHeadersStart(Call call) {
        if (firstByteNanos == null) {
            firstByteNanos = System.nanoTime() - startNanos;
        }
    }

    /** How long the TLS handshake under way has been waited for, or {@code null} when none is under way. */
    synchronized Long handshakeWaitedMs() {
        return tlsStartNanos >= 0 && tlsNanos == null ? (System.nanoTime() - tlsStartNanos) / 1_000_000 : null;
    }

    /** The address connected to (or last tried), or {@code null} when no connect was attempted. */
    synchronized String address() {
        return address;
    }

    /** The phases so far, the total running from the start of the call to {@code endNanos}. */
    synchronized Timings timings(long endNanos) {
        return new Timings(millis(connectNanos), millis(tlsNanos), millis(firstByteNanos),
                Math.max(0, (endNanos - startNanos) / 1_000_000));
    }

    private static Long millis(Long nanos) {
        return nanos == null ? null : nanos / 1_000_000;
    }
}
