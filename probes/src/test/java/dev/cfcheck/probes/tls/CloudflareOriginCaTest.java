package dev.cfcheck.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.testing.TestCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class CloudflareOriginCaTest {
    @Test
    void rsaOriginCaIssuerIsRecognised() {
        assertThat(CloudflareOriginCa.issued(TestCertificates.cloudflareOriginLeaf("origin.test").certificate())).isTrue();
    }

    @Test
    void eccOriginCaIssuerIsRecognised() {
        HeldCertificate eccCa = new HeldCertificate.Builder()
                .commonName(TestCertificates.CLOUDFLARE_ORIGIN_ECC_CA_NAME)
                .organizationalUnit(TestCertificates.CLOUDFLARE_ORIGIN_ECC_CA_NAME)
                .certificateAuthority(0)
                .build();
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("origin.test").signedBy(eccCa).build();

        assertThat(CloudflareOriginCa.issued(leaf.certificate())).isTrue();
    }

    @Test
    void lookalikeAndOrdinaryIssuersAreNot() {
        HeldCertificate lookalikeCa = new HeldCertificate.Builder()
                .commonName("Not CloudFlare Origin SSL Certificate Authority, really")
                .certificateAuthority(0)
                .build();
        HeldCertificate lookalikeLeaf = new HeldCertificate.Builder().commonName("origin.test").signedBy(lookalikeCa).build();

        assertThat(CloudflareOriginCa.issued(lookalikeLeaf.certificate())).isFalse();
        assertThat(CloudflareOriginCa.issued(TestCertificates.leaf("origin.test").certificate())).isFalse();
        assertThat(CloudflareOriginCa.issued(TestCertificates.selfSignedLeaf("origin.test").certificate())).isFalse();
    }
}
