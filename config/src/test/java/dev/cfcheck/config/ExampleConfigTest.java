package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented example at the repository root loads, and says what its comments say. */
class ExampleConfigTest {

    /** Surefire runs in the module's directory; the example sits one level up, at the repository root. */
    private static final Path EXAMPLE = Path.of("..", "cfcheck.example.yml");

    @Test
    void exampleFileLoadsWithTheValuesItDocuments() {
        CfcheckConfig config = ConfigLoader.load(EXAMPLE);

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.followUp()).isEqualTo(Duration.ofSeconds(125));
        assertThat(config.resolver()).isEqualTo("127.0.0.53:53");
        assertThat(config.allowPrivate()).isFalse();
        assertThat(config.cloudflareRanges()).isEqualTo(Path.of("/etc/cfcheck/cloudflare-ranges.txt"));
        assertThat(config.caFile()).isEqualTo(Path.of("/etc/cfcheck/extra-ca.pem"));
        assertThat(config.cache()).isEqualTo(new CacheSettings(Duration.ofSeconds(60), 1000));
        assertThat(config.thresholds()).isEqualTo(new ThresholdSettings(Duration.ofMillis(1800), 14));

        assertThat(config.domains()).containsOnlyKeys("example.com", "*.example.com");
        assertThat(config.domain("example.com")).contains(new DomainEntry(
                List.of("203.0.113.10", "203.0.113.11:8443", "[2001:db8::1]:443"),
                SslModeSetting.STRICT,
                "Origin is the k8s ingress; page #platform"));
        assertThat(config.domain("www.example.com")).contains(new DomainEntry(
                List.of("203.0.113.20"), SslModeSetting.FULL, "Subdomains are served by the shared nginx pool"));

        BotSettings bot = config.bot();
        assertThat(bot.showOriginAddress()).isFalse();
        assertThat(bot.replyVisibility()).isEqualTo(ReplyVisibility.IN_CHANNEL);
        assertThat(bot.access().workspaces()).containsExactly("T0123ABCD");
        assertThat(bot.access().guilds()).containsExactly("123456789012345678");
        assertThat(bot.access().channels()).containsExactly("C0123ABCD", "987654321098765432");
        assertThat(bot.access().domains()).extracting(HostPattern::pattern).containsExactly("example.com", "*.example.com");
        assertThat(bot.rateLimits()).isEqualTo(new RateLimits(
                new RateLimit(5, Duration.ofSeconds(60)), new RateLimit(20, Duration.ofSeconds(60))));
    }

    @Test
    void exampleFileDocumentsEveryKeyWithAComment() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        List<String> keys = List.of("timeout", "followUp", "resolver", "allowPrivate", "cloudflareRanges", "caFile", "cache", "ttl",
                "maxSize", "thresholds", "slowFirstByte", "certExpiryDays", "domains", "origins", "sslMode", "notes", "bot",
                "showOriginAddress", "replyVisibility", "access", "workspaces", "guilds", "channels", "rateLimits",
                "perUser", "perChannel");

        for (String key : keys) {
            int at = indexOfKey(lines, key);
            assertThat(at).as("key %s is in the example", key).isPositive();
            assertThat(lines.get(at - 1).strip()).as("the line above %s is a comment", key).startsWith("#");
        }
    }

    @Test
    void exampleFileHoldsNoSecrets() throws IOException {
        String text = Files.readString(EXAMPLE);

        assertThat(text).doesNotContain("xoxb-", "xoxp-", "xapp-");
        assertThat(text.lines().filter(l -> !l.strip().startsWith("#")))
                .noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).matches(".*(token|secret)\\s*:.*"));
    }

    private static int indexOfKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }
}
