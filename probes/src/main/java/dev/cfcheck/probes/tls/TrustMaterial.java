package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.OneLine;
import dev.cfcheck.site.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CAs an origin certificate is judged against: the JVM's default trust store, plus the extra CAs of a
 * PEM file ({@code --ca-file}) for origins behind a private CA. One PKIX trust manager covers both, so
 * the chain is validated exactly as the JVM validates any server.
 */
public final class TrustMaterial {
    /** A CA bundle is a few hundred KiB at most; refuse to read anything much larger. */
    static final long MAX_PEM_BYTES = 4L * 1024 * 1024;

    private final X509TrustManager trustManager;
    private final List<X509Certificate> extraCas;

    private TrustMaterial(X509TrustManager trustManager, List<X509Certificate> extraCas) {
        this.trustManager = trustManager;
        this.extraCas = List.copyOf(extraCas);
    }

    /** The JVM's default trust store only. */
    public static TrustMaterial jvmDefault() {
        return new TrustMaterial(pkixTrustManager(null), List.of());
    }

    /**
     * The JVM's default trust store plus every certificate in {@code pem}.
     *
     * @throws BadInputException with one line naming the file and the problem: missing, unreadable, too
     *                           large, not PEM, or without any certificate
     */
    public static TrustMaterial withExtraCas(Path pem) {
        List<X509Certificate> extra = readCertificates(pem);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : pkixTrustManager(null).getAcceptedIssuers()) {
                store.setCertificateEntry("jvm-" + n++, ca);
            }
            for (X509Certificate ca : extra) {
                store.setCertificateEntry("extra-" + n++, ca);
            }
            return new TrustMaterial(pkixTrustManager(store), extra);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    /** Validates chains (PKIX, no hostname check: that is judged separately). */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** The CAs added from the PEM file (empty for {@link #jvmDefault()}). */
    public List<X509Certificate> extraCas() {
        return extraCas;
    }

    private static List<X509Certificate> readCertificates(Path pem) {
        String name = OneLine.of(String.valueOf(pem.getFileName()));
        byte[] bytes;
        try {
            // Read at most the limit, whatever the size says: /dev/zero or a pipe reports 0 and never ends.
            try (InputStream in = Files.newInputStream(pem)) {
                bytes = in.readNBytes((int) MAX_PEM_BYTES + 1);
            }
            if (bytes.length > MAX_PEM_BYTES) {
                throw new BadInputException("CA file " + name + " is larger than 4 MiB; expected PEM certificates");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("CA file " + name + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("CA file " + name + " cannot be read: " + OneLine.of(e));
        }
        if (!new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new BadInputException("CA file " + name + " has no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        Collection<? extends Certificate> parsed;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException | IOException e) {
            throw new BadInputException("CA file " + name + " is not valid PEM: " + OneLine.of(e));
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : parsed) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new BadInputException("CA file " + name + " has no certificate");
        }
        return certificates;
    }

    private static X509TrustManager pkixTrustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JVM offers no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM trust store: " + e.getMessage(), e);
        }
    }
}
