package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.ReplyVisibility;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.site.OriginParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's bot section and domain entries, as the router sees them. */
class ConfigBotWiringTest {

    private static final String CONFIG = String.join("\n",
            "timeout: 7s",
            "domains:",
            "  example.com:",
            "    origins: [\"203.0.113.10\", \"203.0.113.11:8443\"]",
            "    sslMode: strict",
            "    notes: \"page #platform\"",
            "bot:",
            "  showOriginAddress: true",
            "  replyVisibility: ephemeral",
            "  access:",
            "    workspaces: [T0123ABCD]",
            "    domains: [\"example.com\", \"*.example.com\"]",
            "  rateLimits:",
            "    perUser: { requests: 3, per: 30s }",
            "");

    @Test
    void botSectionBecomesRouterSettingsAndDomainEntriesFillRequests(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cfcheck.yml");
        Files.writeString(file, CONFIG);

        BotParts parts = new ConfigBotWiring(Map.of()).load(file);
        try {
            RouterSettings s = parts.settings();
            assertThat(s.showOriginAddress()).isTrue();
            assertThat(s.replyVisibility()).isEqualTo(ReplyVisibility.EPHEMERAL);
            assertThat(s.rateLimits().perUser()).isEqualTo(new RateLimits.Limit(3, Duration.ofSeconds(30)));
            assertThat(s.rateLimits().perChannel()).isEqualTo(new RateLimits.Limit(20, Duration.ofSeconds(60)));
            CommandContext slack = new CommandContext(Platform.SLACK, "T0123ABCD", "C1", "U1");
            assertThat(s.access().refusalFor(slack)).isNull();
            assertThat(s.access().refusalFor(new CommandContext(Platform.SLACK, "T999", "C1", "U1"))).isNotNull();
            // No guild list: Discord is not restricted by the Slack workspace list.
            assertThat(s.access().refusalFor(new CommandContext(Platform.DISCORD, "G1", "C1", "U1"))).isNull();
            assertThat(s.access().refusalForHost(slack, "www.example.com")).isNull();
            assertThat(s.access().refusalForHost(slack, "example.org")).isNotNull();

            CheckRequest fromConfig = parts.requests().create(parts.targets().validate("https://example.com/health"), List.of(), true);
            assertThat(fromConfig.origins()).extracting(Object::toString).containsExactly("203.0.113.10", "203.0.113.11:8443");
            assertThat(fromConfig.settings().sslMode()).isEqualTo(SslMode.STRICT);
            assertThat(fromConfig.settings().notes()).isEqualTo("page #platform");
            assertThat(fromConfig.timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(fromConfig.fresh()).isTrue();
            assertThat(fromConfig.target().path()).isEqualTo("/health");

            CheckRequest named = parts.requests().create(parts.targets().validate("example.com"),
                    List.of(OriginParser.parse("198.51.100.5")), false);
            assertThat(named.origins()).extracting(Object::toString).containsExactly("198.51.100.5");
        } finally {
            parts.resources().close();
        }
    }

    @Test
    void defaultsWithoutAFileAreUnrestrictedWithDefaultLimits() throws Exception {
        BotParts parts = new ConfigBotWiring(Map.of()).load(null);
        try {
            assertThat(parts.settings().access().refusalFor(new CommandContext(Platform.SLACK, "T1", "C1", "U1"))).isNull();
            assertThat(parts.settings().rateLimits()).isEqualTo(RateLimits.DEFAULTS);
            assertThat(parts.settings().showOriginAddress()).isFalse();
            assertThatThrownBy(() -> parts.targets().validate("ftp://example.com")).hasMessageContaining("ftp");
        } finally {
            parts.resources().close();
        }
    }

    @Test
    void aBadConfigFailsTheBotWithOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "bot:\n  replyVisiblity: ephemeral\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        BotCommand command = new BotCommand(new ConfigBotWiring(Map.of()), Environment.of(Map.of()),
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), List.of(), false);

        int status = new picocli.CommandLine(command).execute("--config", file.toString());

        assertThat(status).isEqualTo(2);
        String line = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).startsWith("cfcheck bot: ").contains("replyVisiblity").endsWith("\n");
        assertThat(line.strip().lines()).hasSize(1);
    }
}
