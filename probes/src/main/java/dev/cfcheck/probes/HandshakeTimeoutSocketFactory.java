package dev.cfcheck.probes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Bounds the TLS handshake of OkHttp's https connections, at the edge and at the origin (so it lives here,
 * beside {@link NoDelaySocketFactory}). OkHttp has no handshake timeout of its own (its connect timeout ends
 * with TCP; its read timeout, which we stretch to the check's deadline to catch a silent server, also covers
 * the handshake). A port that waits silently on our ClientHello would then eat the whole check. OkHttp sets
 * the read timeout again once the connection is up, so only the handshake is shortened. Made by
 * {@link HandshakeTimeout#bound}.
 */
final class HandshakeTimeoutSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final int handshakeTimeoutMs;

    HandshakeTimeoutSocketFactory(SSLSocketFactory delegate, int handshakeTimeoutMs) {
        this.delegate = delegate;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        Socket tls = delegate.createSocket(socket, host, port, autoClose);
        tls.setSoTimeout(handshakeTimeoutMs);
        return tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
