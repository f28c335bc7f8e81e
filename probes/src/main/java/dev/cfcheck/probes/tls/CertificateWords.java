package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.Words;

/** A certificate in words, the same for the edge's and the origin's. */
public final class CertificateWords {

    private CertificateWords() {
    }

    /** "CN=example.com, issuer CN=R3, until 2027-01-01T00:00:00Z (expires in 29 days)". */
    public static String line(CertificateInfo c) {
        return Words.detail(c.subject()) + ", issuer " + Words.detail(c.issuer()) + ", until " + c.notAfter()
                + " (" + Words.expiry(c.daysLeft()) + ")";
    }
}
