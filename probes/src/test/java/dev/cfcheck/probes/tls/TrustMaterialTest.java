package dev.cfcheck.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.site.BadInputException;
import dev.cfcheck.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustMaterialTest {
    @TempDir
    Path dir;

    @Test
    void jvmDefaultTrustsPublicCasButNotTheTestCa() {
        TrustMaterial trust = TrustMaterial.jvmDefault();

        assertThat(trust.trustManager().getAcceptedIssuers()).isNotEmpty();
        assertThat(trust.extraCas()).isEmpty();
        X509Certificate[] chain = chainOf("origin.test");
        assertThatThrownBy(() -> trust.trustManager().checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void extraCaFromPemFileIsTrustedOnTopOfTheJvmStore() throws Exception {
        Path pem = TestCertificates.writeRootCaPem(dir);

        TrustMaterial trust = TrustMaterial.withExtraCas(pem);

        assertThat(trust.extraCas()).containsExactly(TestCertificates.rootCa().certificate());
        assertThat(trust.trustManager().getAcceptedIssuers())
                .contains(TestCertificates.rootCa().certificate())
                .hasSize(TrustMaterial.jvmDefault().trustManager().getAcceptedIssuers().length + 1);
        trust.trustManager().checkServerTrusted(chainOf("origin.test"), "ECDHE_ECDSA"); // does not throw
    }

    @Test
    void severalCasInOnePemFileAreAllAdded() {
        Path pem = TestCertificates.writePem(dir.resolve("bundle.pem"),
                TestCertificates.rootCa(), TestCertificates.cloudflareOriginCa());

        assertThat(TrustMaterial.withExtraCas(pem).extraCas()).hasSize(2);
    }

    @Test
    void missingCaFileIsABadInputNamingIt() {
        assertThatThrownBy(() -> TrustMaterial.withExtraCas(dir.resolve("nope.pem")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("CA file nope.pem does not exist");
    }

    @Test
    void endlessCaFileIsRefusedAtTheLimit() {
        // A character device reports size 0 and never ends: the limit must hold on what is read.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "this system has /dev/zero");
        assertThatThrownBy(() -> TrustMaterial.withExtraCas(zero))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("larger than 4 MiB");
    }

    @Test
    void fileWithoutPemCertificateIsABadInput() throws Exception {
        Path notPem = Files.writeString(dir.resolve("key.pem"), TestCertificates.rootCa().privateKeyPkcs8Pem());

        assertThatThrownBy(() -> TrustMaterial.withExtraCas(notPem))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("key.pem")
                .hasMessageContaining("no PEM certificate");
    }

    @Test
    void corruptPemCertificateIsABadInput() throws Exception {
        Path corrupt = Files.writeString(dir.resolve("corrupt.pem"),
                "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> TrustMaterial.withExtraCas(corrupt))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("CA file corrupt.pem is not valid PEM")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static X509Certificate[] chainOf(String host) {
        return new X509Certificate[] {TestCertificates.leaf(host).certificate(), TestCertificates.rootCa().certificate()};
    }
}
