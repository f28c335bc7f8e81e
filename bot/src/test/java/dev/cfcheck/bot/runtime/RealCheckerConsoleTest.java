package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.adapter.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code printf '/cfcheck URL\n' | cfcheck bot} with the real config, checker and probes, against a loopback site. */
class RealCheckerConsoleTest {

    @Test
    void pipedCommandChecksALoopbackSiteAndExitsCleanly(@TempDir Path dir) throws Exception {
        try (MockWebServer site = new MockWebServer()) {
            site.enqueue(new MockResponse.Builder().code(200).addHeader("Server", "nginx").body("hello").build());
            site.start(InetAddress.getLoopbackAddress(), 0);
            Path config = dir.resolve("cfcheck.yml");
            Files.writeString(config, "allowPrivate: true\ntimeout: 5s\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String url = "http://127.0.0.1:" + site.getPort() + "/";
            BotCommand bot = new BotCommand(new ConfigBotWiring(Map.of()), Environment.of(Map.of()),
                    new ByteArrayInputStream(("/cfcheck " + url + "\n").getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    List.of(new dev.cfcheck.bot.slack.SlackAdapterFactory()), false);

            int status = new CommandLine(bot).execute("--config", config.toString());

            String card = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as("stderr: %s", err).isZero();
            assertThat(card).startsWith("checking 127.0.0.1…\n");
            assertThat(card).contains(url).contains("Edge         HTTP 200").containsPattern("ref [A-Z2-7]{8}\n$");
            assertThat(site.getRequestCount()).isPositive();
        }
    }
}
