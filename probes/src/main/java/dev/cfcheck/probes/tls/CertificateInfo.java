package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.OneLine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * One certificate of a chain, as people need to read it. The names are the peer's text: kept as one bounded line
 * each, without control or invisible characters ({@link OneLine}).
 *
 * @param subject         subject DN
 * @param issuer          issuer DN
 * @param subjectAltNames DNS and IP SANs
 * @param notBefore       start of validity
 * @param notAfter        end of validity
 * @param daysLeft        whole days from the check until notAfter (negative when expired)
 * @param selfSigned      subject equals issuer and the signature verifies with its own key
 * @param sha256          SHA-256 fingerprint, hex
 */
public record CertificateInfo(
        String subject,
        String issuer,
        List<String> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        long daysLeft,
        boolean selfSigned,
        String sha256) {

    /** The longest subject or issuer kept; a real DN is well under this. */
    static final int MAX_NAME = 1024;
    /** The longest SAN kept: a DNS name is at most 253 characters. */
    static final int MAX_SAN = 255;

    public CertificateInfo {
        subject = OneLine.of(subject, MAX_NAME);
        issuer = OneLine.of(issuer, MAX_NAME);
        subjectAltNames = subjectAltNames.stream().map(san -> OneLine.of(san, MAX_SAN)).filter(san -> san != null).toList();
    }

    /** Reads a certificate as seen at {@code now}. */
    public static CertificateInfo of(X509Certificate cert, Instant now) {
        Instant notAfter = cert.getNotAfter().toInstant();
        long days = Duration.between(now, notAfter).toDays();
        if (notAfter.isBefore(now) && days == 0) {
            days = -1; // expired less than a day ago is still expired
        }
        return new CertificateInfo(
                cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(),
                subjectAltNames(cert),
                cert.getNotBefore().toInstant(),
                notAfter,
                days,
                isSelfSigned(cert),
                fingerprint(cert));
    }

    private static List<String> subjectAltNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    // 2 = dNSName, 7 = iPAddress (RFC 5280)
                    if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparseable SAN extension leaves the list empty; hostname matching will then fail visibly.
        }
        return names;
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return null;
        }
    }
}
