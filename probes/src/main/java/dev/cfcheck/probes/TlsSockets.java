package dev.cfcheck.probes;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The JVM's TLS client sockets judging servers with one trust manager: what every OkHttp-based probe hands OkHttp. */
public final class TlsSockets {

    private TlsSockets() {
    }

    public static SSLSocketFactory trusting(X509TrustManager trustManager) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustManager}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot set up TLS", e);
        }
    }
}
