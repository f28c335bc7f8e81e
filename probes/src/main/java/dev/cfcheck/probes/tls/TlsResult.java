package dev.cfcheck.probes.tls;

import java.util.List;

/**
 * A TLS handshake with the origin, SNI set to the target host, certificates examined without trusting them.
 *
 * @param address            origin IP
 * @param port               origin port
 * @param serverName         SNI sent
 * @param handshakeOk        the handshake completed (whether or not the certificate is trusted)
 * @param protocol           negotiated protocol ("TLSv1.3"), or {@code null}
 * @param cipher             negotiated cipher suite, or {@code null}
 * @param handshakeMs        handshake time, or {@code null}
 * @param chain              the certificates the server sent, leaf first
 * @param hostnameMatches    the leaf covers the server name, or {@code null} when no certificate was seen
 * @param trusted            the chain validates against the JVM trust store plus --ca-file, or {@code null}
 * @param selfSigned         the leaf is self-signed
 * @param cloudflareOriginCa the leaf was issued by Cloudflare's Origin CA (trusted by Cloudflare, not by browsers)
 * @param daysLeft           days until the leaf expires, or {@code null}
 * @param failure            why the handshake failed, or {@code null}
 * @param failureDetail      one line of detail on the failure, or {@code null}
 */
public record TlsResult(
        String address,
        int port,
        String serverName,
        boolean handshakeOk,
        String protocol,
        String cipher,
        Long handshakeMs,
        List<CertificateInfo> chain,
        Boolean hostnameMatches,
        Boolean trusted,
        boolean selfSigned,
        boolean cloudflareOriginCa,
        Long daysLeft,
        TlsFailure failure,
        String failureDetail) {

    public TlsResult {
        chain = List.copyOf(chain);
    }

    /** True when the certificate has expired. */
    public boolean expired() {
        return daysLeft != null && daysLeft < 0;
    }
}
