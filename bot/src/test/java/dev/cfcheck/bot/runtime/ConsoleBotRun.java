package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.testing.LoopbackSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code printf '/cfcheck URL\n' | cfcheck bot --config FILE} in this JVM, with the real config wiring and an
 * environment of the test's own, checking a {@link LoopbackSite} (its DNS server, ranges file and CA).
 */
final class ConsoleBotRun {

    /** What the bot printed, and its exit status. */
    record Output(int status, String out, String err) {
    }

    private ConsoleBotRun() {
    }

    static Output checkSite(Path dir, LoopbackSite site, Map<String, String> environment) throws IOException {
        Path config = Files.writeString(dir.resolve("cfcheck.yml"), String.join("\n",
                "allowPrivate: true", "timeout: 10s", // ample for the services the environment names, on a loaded machine
                "resolver: 127.0.0.1:" + site.dns().address().getPort(),
                "cloudflareRanges: " + site.rangesFile(), "caFile: " + site.caFile(), ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BotCommand bot = new BotCommand(new ConfigBotWiring(environment), Environment.of(Map.of()),
                new ByteArrayInputStream(("/cfcheck " + site.url() + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(new dev.cfcheck.bot.slack.SlackAdapterFactory()), false);

        int status = new CommandLine(bot).execute("--config", config.toString());

        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
