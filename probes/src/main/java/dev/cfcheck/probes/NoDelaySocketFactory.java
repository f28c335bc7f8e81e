package dev.cfcheck.probes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain, direct sockets with Nagle's algorithm off ({@code TCP_NODELAY}), as curl opens them. Timings are
 * evidence: with Nagle on, a small write that follows another (the TLS Finished message, then the request) waits
 * for the peer's delayed ACK, adding up to 40 ms to the measured TLS and first-byte times of a new connection.
 *
 * <p>Direct means {@link Proxy#NO_PROXY}: a plain {@code new Socket()} asks the JVM's proxy selector on connect
 * and goes through {@code -DsocksProxyHost} when it is set, even when OkHttp was told to use no proxy. A probe
 * must reach the address it approved, never a proxy that resolves and connects on its behalf.
 * OkHttp only calls {@link #createSocket()} and connects the socket itself; the other forms connect here.
 */
public final class NoDelaySocketFactory extends SocketFactory {

    public static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private NoDelaySocketFactory() {
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket(Proxy.NO_PROXY);
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
