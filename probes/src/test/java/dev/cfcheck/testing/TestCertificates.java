package dev.cfcheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Certificates made in the test, for real TLS servers on loopback. Every leaf except the self-signed one
 * is issued by {@link #rootCa()} (or by {@link #cloudflareOriginCa()}), which no JVM trusts by default:
 * a test that wants the chain trusted hands {@link #writeRootCaPem(Path)} to {@code --ca-file} /
 * {@code TrustMaterial.withExtraCas}.
 *
 * <pre>{@code
 * HeldCertificate leaf = TestCertificates.leaf("origin.test");
 * try (TlsTestServer server = TlsTestServer.serving(leaf, TestCertificates.rootCa()).start()) { ... }
 * // or with MockWebServer:
 * server.useHttps(TestCertificates.serverCertificates(leaf, TestCertificates.rootCa()).sslSocketFactory());
 * }</pre>
 *
 * Keys are ECDSA P-256 (fast to make); the CAs are made once per JVM and shared.
 */
public final class TestCertificates {
    /** The issuer name Cloudflare's Origin CA (RSA) puts in the certificates it issues. */
    public static final String CLOUDFLARE_ORIGIN_CA_NAME = "CloudFlare Origin SSL Certificate Authority";
    /** The ECC variant's name. */
    public static final String CLOUDFLARE_ORIGIN_ECC_CA_NAME = "CloudFlare Origin SSL ECC Certificate Authority";

    private static final Duration DAY = Duration.ofDays(1);

    private static HeldCertificate rootCa;
    private static HeldCertificate cloudflareOriginCa;

    private TestCertificates() {
    }

    /** A private root CA ("cfcheck Test Root CA"), made once. Not trusted by the JVM. */
    public static synchronized HeldCertificate rootCa() {
        if (rootCa == null) {
            rootCa = new HeldCertificate.Builder()
                    .commonName("cfcheck Test Root CA")
                    .organizationalUnit("cfcheck tests")
                    .certificateAuthority(0)
                    .validityInterval(millis(Instant.now().minus(DAY)), millis(Instant.now().plus(Duration.ofDays(3650))))
                    .build();
        }
        return rootCa;
    }

    /**
     * A CA named like Cloudflare's Origin CA (CN and OU "CloudFlare Origin SSL Certificate Authority"),
     * made once. It is not Cloudflare's key, only its name: enough to test recognition by issuer.
     */
    public static synchronized HeldCertificate cloudflareOriginCa() {
        if (cloudflareOriginCa == null) {
            cloudflareOriginCa = new HeldCertificate.Builder()
                    .commonName(CLOUDFLARE_ORIGIN_CA_NAME)
                    .organizationalUnit(CLOUDFLARE_ORIGIN_CA_NAME)
                    .certificateAuthority(0)
                    .validityInterval(millis(Instant.now().minus(DAY)), millis(Instant.now().plus(Duration.ofDays(3650))))
                    .build();
        }
        return cloudflareOriginCa;
    }

    /** A leaf for {@code host}, issued by {@link #rootCa()}, valid from yesterday for 90 days. */
    public static HeldCertificate leaf(String host) {
        return leafValidFor(host, Instant.now().minus(DAY), Instant.now().plus(Duration.ofDays(90)), rootCa());
    }

    /** A leaf for {@code host}, issued by {@link #rootCa()}, that expired yesterday. */
    public static HeldCertificate expiredLeaf(String host) {
        return leafValidFor(host, Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(DAY), rootCa());
    }

    /**
     * A leaf for {@code host}, issued by {@link #rootCa()}, that has {@code days} whole days left
     * (it expires {@code days} days and 12 hours from now).
     */
    public static HeldCertificate leafExpiringInDays(String host, int days) {
        Instant notAfter = Instant.now().plus(Duration.ofDays(days)).plus(Duration.ofHours(12));
        return leafValidFor(host, Instant.now().minus(Duration.ofDays(80)), notAfter, rootCa());
    }

    /** A valid leaf issued by {@link #rootCa()} for {@code otherHost}: serve it and probe another name. */
    public static HeldCertificate wrongHostLeaf(String otherHost) {
        return leaf(otherHost);
    }

    /** A certificate for {@code host} signed by its own key (no CA), valid for 90 days. */
    public static HeldCertificate selfSignedLeaf(String host) {
        return new HeldCertificate.Builder()
                .commonName(host)
                .addSubjectAlternativeName(host)
                .validityInterval(millis(Instant.now().minus(DAY)), millis(Instant.now().plus(Duration.ofDays(90))))
                .build();
    }

    /** A leaf for {@code host} issued by {@link #cloudflareOriginCa()}, valid for 90 days. */
    public static HeldCertificate cloudflareOriginLeaf(String host) {
        return leafValidFor(host, Instant.now().minus(DAY), Instant.now().plus(Duration.ofDays(90)), cloudflareOriginCa());
    }

    /** A leaf for {@code host} valid between the two instants, issued by {@code issuer}. */
    public static HeldCertificate leafValidFor(String host, Instant notBefore, Instant notAfter, HeldCertificate issuer) {
        return new HeldCertificate.Builder()
                .commonName(host)
                .addSubjectAlternativeName(host)
                .validityInterval(millis(notBefore), millis(notAfter))
                .signedBy(issuer)
                .build();
    }

    /** Server-side handshake material for {@code leaf} sending {@code intermediates} after it (e.g. the CA). */
    public static HandshakeCertificates serverCertificates(HeldCertificate leaf, HeldCertificate... intermediates) {
        java.security.cert.X509Certificate[] chain = new java.security.cert.X509Certificate[intermediates.length];
        for (int i = 0; i < intermediates.length; i++) {
            chain[i] = intermediates[i].certificate();
        }
        return new HandshakeCertificates.Builder().heldCertificate(leaf, chain).build();
    }

    /** Writes {@link #rootCa()}'s certificate as PEM to {@code dir/test-root-ca.pem} (for --ca-file). */
    public static Path writeRootCaPem(Path dir) {
        return writePem(dir.resolve("test-root-ca.pem"), rootCa());
    }

    /** Writes the certificates (no keys) as concatenated PEM blocks to {@code file}. */
    public static Path writePem(Path file, HeldCertificate... certificates) {
        StringBuilder pem = new StringBuilder();
        for (HeldCertificate certificate : certificates) {
            pem.append(certificate.certificatePem());
        }
        try {
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
