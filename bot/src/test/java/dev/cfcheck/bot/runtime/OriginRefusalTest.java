package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.bot.router.Admission;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.Platform;
import dev.cfcheck.bot.router.RouterReply;
import dev.cfcheck.testing.ClosedPort;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * An {@code origin=} the safe-target policy refuses (a port Cloudflare does not proxy, a private address) is
 * refused at admission in one line, the way a refused target is: no check starts, no "failed inside cfcheck",
 * no stack trace in the log. Through the real wiring (config file, parsers, checker), with a resolver on a closed
 * loopback port so that nothing could leave the machine even if a check did start.
 */
class OriginRefusalTest {

    private static final String PORT_REFUSAL = "origin 192.0.2.7:6379: port 6379 is not one Cloudflare proxies (80, 443,"
            + " 2052, 2053, 2082, 2083, 2086, 2087, 2095, 2096, 8080, 8443, 8880; other ports only with --allow-private"
            + " or allowPrivate: true in the config)";
    private static final String ADDRESS_REFUSAL = "origin 10.0.0.5: refusing to connect to 10.0.0.5: private address"
            + " (allowed only with --allow-private or allowPrivate: true in the config)";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("cfcheck.yml"), "resolver: \"127.0.0.1:" + ClosedPort.find() + "\"\ntimeout: 2s\n");
    }

    @Test
    void theRouterRefusesARefusedOriginLikeARefusedTarget() throws Exception {
        BotParts parts = new ConfigBotWiring(Map.of()).load(config());
        try (CommandRouter router = CommandRouter.builder(parts.checks()).targets(parts.targets()).origins(parts.origins())
                .requests(parts.requests()).settings(parts.settings()).build()) {
            CommandContext slack = new CommandContext(Platform.SLACK, "T1", "C1", "U1");

            Admission port = router.submit(slack, "/cfcheck shop.example.test origin=192.0.2.7:6379");
            Admission address = router.submit(slack, "/cfcheck shop.example.test origin=10.0.0.5");
            Admission target = router.submit(slack, "/cfcheck 10.0.0.5");

            // The same reply type as a refused target: every adapter answers it at once, ephemerally.
            assertThat(target).isInstanceOf(Admission.Answered.class);
            assertThat(port).isEqualTo(new Admission.Answered(new RouterReply.Refusal(PORT_REFUSAL)));
            assertThat(address).isEqualTo(new Admission.Answered(new RouterReply.Refusal(ADDRESS_REFUSAL)));
        } finally {
            parts.resources().close();
        }
        assertThat(log.list).noneSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
        assertThat(log.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("failed inside cfcheck"));
    }

    @Test
    void theConsolePrintsOneLinePerRefusalAndRunsNoCheck() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String commands = "/cfcheck shop.example.test origin=192.0.2.7:6379\n/cfcheck shop.example.test origin=10.0.0.5\n";
        BotCommand bot = new BotCommand(new ConfigBotWiring(Map.of()), Environment.of(Map.of()),
                new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(), false);

        int status = new CommandLine(bot).execute("--config", config().toString());

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("cfcheck: " + PORT_REFUSAL + "\ncfcheck: " + ADDRESS_REFUSAL + "\n");
        assertThat(log.list).noneSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
    }
}
