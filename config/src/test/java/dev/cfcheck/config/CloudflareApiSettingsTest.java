package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional API token and address come from the environment, are checked, and never shown. */
class CloudflareApiSettingsTest {

    private static final String TOKEN = "cfat_n0t-a-r3al-t0ken-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void noTokenMeansNoLookups() {
        assertThat(CloudflareApiSettings.fromEnvironment(Map.of("CLOUDFLARE_API_URL", "https://api.example.net/v4"))).isEmpty();
    }

    @Test
    void tokenFromTheVariableWithTheDefaultAddress() {
        CloudflareApiSettings s = CloudflareApiSettings.fromEnvironment(Map.of("CLOUDFLARE_API_TOKEN", " " + TOKEN + "\n")).orElseThrow();

        assertThat(s.token().value()).isEqualTo(TOKEN);
        assertThat(s.baseUrl()).isEqualTo("https://api.cloudflare.com/client/v4");
        assertThat(s.toString()).contains("environment variable CLOUDFLARE_API_TOKEN").doesNotContain(TOKEN);
    }

    @Test
    void tokenFromTheFileTheFileVariableNames() throws Exception {
        Path file = Files.writeString(dir.resolve("cf-token"), TOKEN + "\n");

        CloudflareApiSettings s = CloudflareApiSettings.fromEnvironment(Map.of("CLOUDFLARE_API_TOKEN_FILE", file.toString(),
                "CLOUDFLARE_API_URL", "http://127.0.0.1:8080/client/v4/")).orElseThrow();

        assertThat(s.token().value()).isEqualTo(TOKEN);
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8080/client/v4");
        assertThat(s.toString()).contains("CLOUDFLARE_API_TOKEN_FILE").doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.cloudflare.com/client/v4", "ftp://127.0.0.1/", "api.cloudflare.com/client/v4",
            "https://user:pass@api.cloudflare.com/client/v4", "https://api.cloudflare.com/client/v4?x=1", "http://[::1"})
    void anAddressTheTokenShouldNotGoToIsRefusedInOneLine(String url) {
        assertThatThrownBy(() -> CloudflareApiSettings.fromEnvironment(Map.of("CLOUDFLARE_API_TOKEN", TOKEN, "CLOUDFLARE_API_URL", url)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CLOUDFLARE_API_URL: ")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("\n");
    }
}
