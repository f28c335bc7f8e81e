package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noConfigOptionAndNoVariableGivesTheDefaults() {
        CfcheckConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config).isEqualTo(CfcheckConfig.DEFAULTS);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.resolver()).isNull();
        assertThat(config.allowPrivate()).isFalse();
        assertThat(config.cloudflareRanges()).isNull();
        assertThat(config.caFile()).isNull();
        assertThat(config.cache()).isEqualTo(new CacheSettings(Duration.ofSeconds(60), 1000));
        assertThat(config.thresholds()).isEqualTo(new ThresholdSettings(Duration.ofMillis(1800), 14));
        assertThat(config.domains()).isEmpty();
        assertThat(config.domain("example.com")).isEmpty();
        BotSettings bot = config.bot();
        assertThat(bot.showOriginAddress()).isFalse();
        assertThat(bot.replyVisibility()).isEqualTo(ReplyVisibility.IN_CHANNEL);
        assertThat(bot.access()).isEqualTo(new AccessRules(List.of(), List.of(), List.of(), List.of()));
        assertThat(bot.rateLimits().perUser()).isEqualTo(new RateLimit(5, Duration.ofSeconds(60)));
        assertThat(bot.rateLimits().perChannel()).isEqualTo(new RateLimit(20, Duration.ofSeconds(60)));
    }

    @Test
    void blankConfigOptionAndBlankVariableCountAsUnset() {
        assertThat(ConfigLoader.locate("  ", Map.of("CFCHECK_CONFIG", ""))).isEmpty();
    }

    @Test
    void configOptionWinsOverTheVariable() throws IOException {
        Path fromOption = write("option.yml", "timeout: 3s\n");
        Path fromVariable = write("variable.yml", "timeout: 7s\n");
        Map<String, String> env = Map.of("CFCHECK_CONFIG", fromVariable.toString());

        assertThat(ConfigLoader.load(fromOption.toString(), env).timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConfigLoader.load(null, env).timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void commentsOnlyOrEmptyFileGivesTheDefaults() throws IOException {
        assertThat(ConfigLoader.load(write("empty.yml", ""))).isEqualTo(CfcheckConfig.DEFAULTS);
        assertThat(ConfigLoader.load(write("comments.yml", "# nothing yet\n\n"))).isEqualTo(CfcheckConfig.DEFAULTS);
        assertThat(ConfigLoader.load(write("marker.yml", "---\n"))).isEqualTo(CfcheckConfig.DEFAULTS);
    }

    @Test
    void fullFileIsReadIntoEveryRecord() throws IOException {
        Path file = write("cfcheck.yml", """
                timeout: 1500ms
                resolver: "[::1]:5353"
                allowPrivate: true
                cloudflareRanges: /srv/ranges.txt
                caFile: /srv/ca.pem
                cache: { ttl: 2m, maxSize: 0 }
                thresholds: { slowFirstByte: 2.5, certExpiryDays: 30 }
                domains:
                  Example.COM.:
                    origins: ["203.0.113.10", "203.0.113.11:8443", "[2001:db8::1]:443", "2001:db8::2"]
                    sslMode: Flexible
                    notes: "  Origin is the k8s ingress  "
                  bare.example.org:
                bot:
                  showOriginAddress: true
                  replyVisibility: ephemeral
                  access:
                    workspaces: [T0123]
                    guilds: [123456789012345678]
                    channels: [C0123, "987654321"]
                    domains: ["Example.com", "*.example.com."]
                  rateLimits:
                    perUser: { requests: 2, per: 1h }
                    perChannel: { requests: 9 }
                """);

        CfcheckConfig config = ConfigLoader.load(file);

        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.resolver()).isEqualTo("[::1]:5353");
        assertThat(config.allowPrivate()).isTrue();
        assertThat(config.cloudflareRanges()).isEqualTo(Path.of("/srv/ranges.txt"));
        assertThat(config.caFile()).isEqualTo(Path.of("/srv/ca.pem"));
        assertThat(config.cache()).isEqualTo(new CacheSettings(Duration.ofMinutes(2), 0));
        assertThat(config.thresholds()).isEqualTo(new ThresholdSettings(Duration.ofMillis(2500), 30));
        assertThat(config.domains()).containsOnlyKeys("example.com", "bare.example.org");
        DomainEntry entry = config.domains().get("example.com");
        assertThat(entry.origins()).containsExactly("203.0.113.10", "203.0.113.11:8443", "[2001:db8::1]:443", "2001:db8::2");
        assertThat(entry.sslMode()).isEqualTo(SslModeSetting.FLEXIBLE);
        assertThat(entry.notes()).isEqualTo("Origin is the k8s ingress");
        assertThat(config.domains().get("bare.example.org")).isEqualTo(DomainEntry.NONE);
        BotSettings bot = config.bot();
        assertThat(bot.showOriginAddress()).isTrue();
        assertThat(bot.replyVisibility()).isEqualTo(ReplyVisibility.EPHEMERAL);
        assertThat(bot.access().workspaces()).containsExactly("T0123");
        // An unquoted 18-digit snowflake keeps every digit: ids are text, never numbers.
        assertThat(bot.access().guilds()).containsExactly("123456789012345678");
        assertThat(bot.access().channels()).containsExactly("C0123", "987654321");
        assertThat(bot.access().domains()).containsExactly(HostPattern.of("example.com"), HostPattern.of("*.example.com"));
        assertThat(bot.rateLimits().perUser()).isEqualTo(new RateLimit(2, Duration.ofHours(1)));
        assertThat(bot.rateLimits().perChannel()).isEqualTo(new RateLimit(9, Duration.ofSeconds(60)));
    }

    @Test
    void partialSectionsKeepTheDefaultsOfTheKeysLeftOut() {
        CfcheckConfig config = ConfigLoader.parse("""
                cache: { maxSize: 10 }
                thresholds: { certExpiryDays: 7 }
                bot:
                  rateLimits:
                    perChannel: { requests: 50, per: 5m }
                """, "cfcheck.yml");

        assertThat(config.cache()).isEqualTo(new CacheSettings(Duration.ofSeconds(60), 10));
        assertThat(config.thresholds()).isEqualTo(new ThresholdSettings(Duration.ofMillis(1800), 7));
        assertThat(config.bot().rateLimits().perUser()).isEqualTo(new RateLimit(5, Duration.ofSeconds(60)));
        assertThat(config.bot().rateLimits().perChannel()).isEqualTo(new RateLimit(50, Duration.ofMinutes(5)));
        assertThat(config.bot().replyVisibility()).isEqualTo(ReplyVisibility.IN_CHANNEL);
    }

    @Test
    void singleOriginWithoutBracketsIsAListOfOne() {
        CfcheckConfig config = ConfigLoader.parse("domains:\n  example.com:\n    origins: 203.0.113.10\n", "cfcheck.yml");

        assertThat(config.domain("example.com").orElseThrow().origins()).containsExactly("203.0.113.10");
    }

    @Test
    void relativeFilePathsAreTakenFromTheConfigFilesDirectory() throws IOException {
        Path file = write("cfcheck.yml", "cloudflareRanges: ranges.txt\ncaFile: certs/extra.pem\n");

        CfcheckConfig config = ConfigLoader.load(file);

        assertThat(config.cloudflareRanges()).isEqualTo(dir.toAbsolutePath().resolve("ranges.txt"));
        assertThat(config.caFile()).isEqualTo(dir.toAbsolutePath().resolve("certs/extra.pem"));
    }

    @Test
    void missingConfigFileNamedByTheVariableFailsNamingTheFile() {
        String missing = dir.resolve("nope.yml").toString();

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CFCHECK_CONFIG", missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": cannot read the config file: no such file");
    }

    @Test
    void deviceThatNeverEndsGivenAsConfigFileIsRefusedAfterTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(zero), "this system has /dev/zero");

        assertThatThrownBy(() -> ConfigLoader.load(zero))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void directoryGivenAsConfigFileIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("it is a directory");
    }

    @Test
    void binaryFileGivenAsConfigIsRefusedAsNotUtf8() throws IOException {
        Path file = dir.resolve("cfcheck.yml");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 'a', ':', ' ', '1'});

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("the config file is not UTF-8 text");
    }

    @Test
    void hugeFileGivenAsConfigIsRefusedBeforeParsing() throws IOException {
        Path file = write("huge.yml", "# " + "x".repeat((int) ConfigLoader.MAX_BYTES) + "\n");

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("larger than 1 MiB");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
