package dev.cfcheck.bot.cli;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.render.terminal.TerminalRenderer;
import dev.cfcheck.bot.wiring.CheckerFactory;
import dev.cfcheck.bot.wiring.ConfigRequestFactory;
import dev.cfcheck.bot.wiring.RuntimeSettings;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.check.Checker;
import dev.cfcheck.check.ReportJson;
import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.config.ConfigException;
import dev.cfcheck.config.ConfigLoader;
import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import dev.cfcheck.site.UnsafeAddressException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfcheck check TARGET}: one diagnosis, printed as a terminal card or as JSON. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnose TARGET (a hostname or an http(s) URL) and print the card.",
        footer = {"", "Exit status: 0 ok/info, 1 warning/critical, 2 bad input or usage, 3 internal error."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "Hostname or http(s) URL (host, port and path are used).")
    String target;

    @Option(names = "--json", description = "Print the report as JSON (the format is a stable contract).")
    boolean json;

    @Option(names = "--origin", paramLabel = "IP[:PORT]",
            description = "Origin server address to probe directly (repeatable; default: the config's for this domain).")
    List<String> origins = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "IP[:PORT]", description = "DNS resolver to ask (default: the system's).")
    String resolver;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Overall deadline (default: 10, or the config's).")
    Double timeoutSeconds;

    @Option(names = "--follow", description = "When Cloudflare has not answered by the deadline, print the preliminary"
            + " card, keep waiting for Cloudflare's own answer (522 at ~19 s, 524 at 100 s; the config's followUp, default"
            + " 125 s) and print the final card. With --json: one JSON document per line, preliminary then final.")
    boolean follow;

    @Option(names = "--fresh", description = "Bypass the cache.")
    boolean fresh;

    @Option(names = "--allow-private", description = "Allow loopback, private and other internal targets.")
    boolean allowPrivate;

    @Option(names = "--cloudflare-ranges", paramLabel = "FILE",
            description = "CIDR list (one a line) replacing the bundled Cloudflare ranges.")
    Path rangesFile;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Extra trusted CA certificates (PEM), on top of the JVM's.")
    Path caFile;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $CFCHECK_CONFIG).")
    Path configFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CfcheckConfig config = ConfigLoader.load(configFile == null ? null : configFile.toString(), System.getenv());
            CliOverrides overrides = new CliOverrides(resolver, timeoutSeconds, allowPrivate, rangesFile, caFile);
            RuntimeSettings settings = followUp(overrides.apply(config));
            CheckRequest request = new ConfigRequestFactory(config, settings).create(
                    TargetParser.parse(target, settings.allowPrivate()),
                    origins.stream().map(o -> OriginParser.parse(o, settings.allowPrivate())).toList(),
                    fresh);
            CheckReport report;
            try (Checker checker = CheckerFactory.create(settings, System.getenv())) {
                // One chain, waited for once at the end: each report is printed as it comes.
                report = CheckService.awaitReport(checker.check(request).thenCompose(first -> {
                    print(out, first);
                    if (!follow || first.isFinal()) {
                        return CompletableFuture.completedFuture(first);
                    }
                    return finalReport(checker, request, first, settings).thenApply(last -> {
                        print(out, last);
                        return last;
                    });
                }));
            }
            // With --follow the exit status is the final verdict's: the one a script should act on.
            return ExitCodes.of(report.verdict().severity());
        } catch (BadInputException | UnsafeAddressException | ConfigException e) {
            return badInput(out, err, e.getMessage());
        }
    }

    /**
     * Only {@code --follow} keeps the edge request open past the deadline: a one-shot check prints at the
     * deadline and exits, so waiting longer would only hold a connection. {@code --follow} uses the config's
     * limit, or the default when the config turned follow-up off for the bot.
     */
    private RuntimeSettings followUp(RuntimeSettings settings) {
        if (!follow) {
            return settings.withFollowUp(Duration.ZERO);
        }
        return settings.followUp().isZero() ? settings.withFollowUp(CfcheckConfig.DEFAULT_FOLLOW_UP) : settings;
    }

    /** The final report, or the preliminary one again when the follow-up fails or outlives its limit. */
    private static CompletableFuture<CheckReport> finalReport(Checker checker, CheckRequest request,
            CheckReport preliminary, RuntimeSettings settings) {
        Duration limit = settings.timeout().plus(settings.followUp()).plusSeconds(30);
        return checker.followUp(request, preliminary)
                .completeOnTimeout(preliminary, limit.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> preliminary); // the preliminary report is all there is; it was printed already
    }

    private void print(PrintWriter out, CheckReport report) {
        if (json) {
            // JSON Lines when a second document may follow; the pretty form otherwise (as before --follow).
            out.print((follow ? ReportJson.writeLine(report) : ReportJson.write(report)) + "\n");
        } else {
            out.print(terminalCard(report));
        }
        out.flush();
    }

    /** The card a chat would show, unredacted (the user asked on their own terminal), plus the evidence. */
    private static String terminalCard(CheckReport report) {
        Card card = Card.from(report, null, Redaction.NONE, Instant.now());
        return new TerminalRenderer(Terminal.colour()).render(card, report.verdict().evidence());
    }

    private int badInput(PrintWriter out, PrintWriter err, String message) {
        if (json) {
            out.println(JsonError.of(message));
            out.flush();
        }
        err.println("cfcheck: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
