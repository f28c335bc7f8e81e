package dev.cfcheck.bot.cli;

import dev.cfcheck.bot.health.OperatorClient;
import dev.cfcheck.bot.metrics.MetricsServer;
import dev.cfcheck.bot.metrics.MetricsSettings;
import dev.cfcheck.probes.OneLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cfcheck health}: asks a running bot on this host whether it is ready, for Docker's {@code HEALTHCHECK}
 * (the JRE image has no curl). Exits 0 or 1 only: Docker reserves 2.
 */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Ask the bot running on this host whether it is ready (for Docker's HEALTHCHECK).",
                "Asks GET /readyz (/healthz with --live) on the bot's operator port, CFCHECK_METRICS_PORT and"
                        + " CFCHECK_METRICS_BIND, and prints its one-line answer."},
        footer = {"", "Exit status: 0 ready (alive with --live); 1 not ready, unreachable or no operator port set."})
public final class HealthCommand implements Callable<Integer> {

    static final int HEALTHY = 0;
    static final int UNHEALTHY = 1;
    private static final double MAX_TIMEOUT_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--live", description = "Ask only whether the process answers (GET /healthz), not whether its adapters are connected.")
    boolean live;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "Deadline to connect, and for each read (default: 2).")
    double timeoutSeconds;

    private final Function<String, String> env;

    /** The bot's settings from this process's environment (the container's, under Docker). */
    public HealthCommand() {
        this(System::getenv);
    }

    /** With another environment: a variable's value, or {@code null} when unset. */
    public HealthCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String path = live ? MetricsServer.HEALTH_PATH : MetricsServer.READY_PATH;
        if (!(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
            return fail(err, "--timeout must be more than 0 and at most " + (int) MAX_TIMEOUT_SECONDS + " seconds");
        }
        Optional<MetricsSettings> settings;
        try {
            settings = MetricsSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        if (settings.isEmpty()) {
            return fail(err, MetricsSettings.PORT_VARIABLE + " is not set: the bot serves " + path + " only on its operator port");
        }
        InetSocketAddress address = settings.get().localAddress();
        OperatorClient.Answer answer;
        try {
            answer = OperatorClient.get(address, path, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        } catch (IOException e) {
            return fail(err, "cannot reach " + OperatorClient.url(address, path) + ": " + OneLine.of(e));
        }
        if (answer.status() == 200) {
            out.println(answer.line().isEmpty() ? "ready" : answer.line());
            return HEALTHY;
        }
        if (answer.status() == 503) {
            out.println(answer.line().isEmpty() ? "not ready" : answer.line());
            return UNHEALTHY;
        }
        return fail(err, OperatorClient.url(address, path) + " answered HTTP " + answer.status());
    }

    private static int fail(PrintWriter err, String why) {
        err.println("cfcheck health: " + why);
        return UNHEALTHY;
    }
}
