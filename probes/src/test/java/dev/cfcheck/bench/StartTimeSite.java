package dev.cfcheck.bench;

import dev.cfcheck.testing.HealthyLoopbackSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a healthy loopback site for {@code bench/start-time} until its standard input closes, and writes the
 * {@code cfcheck check} arguments that target it ({@link HealthyLoopbackSite#checkArguments()}, one a line) to the
 * file named by its one argument.
 */
public final class StartTimeSite {

    /** The TCP probe connects without sending a request, which MockWebServer logs each time (held: JUL keeps weak refs). */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
            java.util.logging.Logger.getLogger(mockwebserver3.MockWebServer.class.getName());

    private StartTimeSite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartTimeSite ARGS_FILE");
            System.exit(2);
        }
        MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
        Path dir = Files.createTempDirectory("cfcheck-start-time");
        try (HealthyLoopbackSite healthy = HealthyLoopbackSite.start(dir)) {
            Files.write(Path.of(args[0]), healthy.checkArguments(), StandardCharsets.UTF_8);
            // Held until the script closes our input (or ends): then every server closes.
            while (System.in.read() != -1) {
                // discard
            }
        }
    }
}
