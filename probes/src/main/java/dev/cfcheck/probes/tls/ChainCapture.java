package dev.cfcheck.probes.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that accepts any server chain and remembers it. The handshake must complete whatever
 * the certificate is, so that an expired or self-signed certificate is reported as such rather than as a
 * failed handshake; the chain is then judged separately against {@link TrustMaterial}. One per handshake.
 */
final class ChainCapture extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();
    private volatile String authType;

    /** A socket factory whose handshakes go through this capture. */
    SSLSocketFactory socketFactory() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context.getSocketFactory();
    }

    /** The chain the server sent, leaf first; empty when none was seen. */
    List<X509Certificate> chain() {
        return chain;
    }

    /** The key exchange / authentication type JSSE reported with the chain (needed to validate it). */
    String authType() {
        return authType;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        capture(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        capture(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        capture(chain, authType);
    }

    private void capture(X509Certificate[] chain, String authType) {
        this.chain = chain == null ? List.of() : List.of(chain);
        this.authType = authType;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a probe never acts as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a probe never acts as a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe never acts as a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
