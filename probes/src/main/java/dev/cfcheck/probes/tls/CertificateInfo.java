package dev.cfcheck.probes.tls;

import java.time.Instant;
import java.util.List;

/**
 * One certificate of a chain, as people need to read it.
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

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
