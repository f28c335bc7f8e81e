package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OneLine;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * A plain TCP connect to one origin port: did the SYN get a SYN-ACK (connected), a RST (refused), nothing
 * (timeout: a firewall drops it or the host is down), or an ICMP error (unreachable)? This is what tells
 * Cloudflare's 521 from 522 and 523 apart.
 */
public final class TcpProbe {
    /** A connect that has not completed in this long will not: SYN retries are 1 s, 3 s apart. */
    public static final Duration DEFAULT_CONNECT_CAP = Duration.ofSeconds(5);

    private final Duration connectCap;

    public TcpProbe() {
        this(DEFAULT_CONNECT_CAP);
    }

    /** @param connectCap the longest one connect may take, within whatever the deadline leaves */
    public TcpProbe(Duration connectCap) {
        if (connectCap.isNegative() || connectCap.isZero()) {
            throw new IllegalArgumentException("connect cap must be positive");
        }
        this.connectCap = connectCap;
    }

    /** Connects to {@code address:port}, closes the connection at once, and says what happened. */
    public PortCheck connect(InetAddress address, int port, Deadline deadline) {
        long start = System.nanoTime();
        if (deadline.expired()) {
            return new PortCheck(port, TcpState.TIMEOUT, 0, "not tried: the check's deadline had passed");
        }
        // The timeout is set on the connect itself so that nothing here can outlive the check.
        int timeoutMs = (int) Math.max(1, deadline.capped(connectCap).toMillis());
        try (Socket socket = new Socket(Proxy.NO_PROXY)) { // never through -DsocksProxyHost
            socket.connect(new InetSocketAddress(address, port), timeoutMs);
            return new PortCheck(port, TcpState.CONNECTED, elapsedMs(start), null);
        } catch (SocketTimeoutException e) {
            return new PortCheck(port, TcpState.TIMEOUT, elapsedMs(start), "no answer to the connect within " + timeoutMs + " ms");
        } catch (NoRouteToHostException e) {
            return new PortCheck(port, TcpState.UNREACHABLE, elapsedMs(start), OneLine.of(e));
        } catch (ConnectException e) {
            return new PortCheck(port, classify(e), elapsedMs(start), OneLine.of(e));
        } catch (IOException | SecurityException e) {
            return new PortCheck(port, TcpState.UNREACHABLE, elapsedMs(start), OneLine.of(e));
        }
    }

    /** A ConnectException is a RST unless its message says the network or host could not be reached. */
    private static TcpState classify(ConnectException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unreachable") || message.contains("no route")) {
            return TcpState.UNREACHABLE;
        }
        if (message.contains("timed out")) {
            return TcpState.TIMEOUT;
        }
        return TcpState.REFUSED;
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
