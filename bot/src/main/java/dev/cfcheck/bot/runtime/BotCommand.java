package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.adapter.AdapterFactory;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.bot.console.ConsoleAdapter;
import dev.cfcheck.bot.health.DeferredReadiness;
import dev.cfcheck.bot.metrics.BotMetrics;
import dev.cfcheck.bot.router.CommandRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cfcheck bot}: runs the chat adapters configured in the environment (Slack, Discord), and the
 * console adapter with {@code --console} or when no platform is configured.
 */
@Command(name = "bot",
        header = "Run the chat bot: Slack, Discord, or the console.",
        description = {
                "Answer /cfcheck in Slack (SLACK_APP_TOKEN + SLACK_BOT_TOKEN, or SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN),",
                "Discord (DISCORD_TOKEN), or on standard input (--console, or when no platform is configured)."},
        mixinStandardHelpOptions = true)
public final class BotCommand implements Callable<Integer> {

    @Option(names = "--console", description = "Also read /cfcheck lines from standard input.")
    boolean console;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: $CFCHECK_CONFIG).")
    Path config;

    private final BotWiring wiring;
    private final Environment env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final List<AdapterFactory> platforms;
    private final boolean interactive;

    /** The real bot: config file, checker and environment of this process. */
    public BotCommand() {
        this(new ConfigBotWiring(System.getenv()));
    }

    public BotCommand(BotWiring wiring) {
        this(wiring, Environment.system(), System.in, System.out, System.err, Platforms.ALL, System.console() != null);
    }

    BotCommand(BotWiring wiring, Environment env, InputStream in, PrintStream out, PrintStream err,
               List<AdapterFactory> platforms, boolean interactive) {
        this.wiring = wiring;
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.platforms = List.copyOf(platforms);
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws InterruptedException {
        BotParts parts;
        try {
            parts = wiring.load(config);
        } catch (Exception e) {
            err.println("cfcheck bot: " + BotRuntime.oneLine(e));
            return BotRuntime.EXIT_NO_ADAPTER;
        }
        // The operator port comes up first ("starting") and follows the runtime once the adapters are known.
        DeferredReadiness readiness = new DeferredReadiness();
        BotMetrics metrics;
        try {
            metrics = BotMetrics.fromEnvironment(env::get, readiness);
        } catch (IOException | RuntimeException e) {
            err.println("cfcheck bot: " + BotRuntime.oneLine(e));
            close(parts.resources());
            return BotRuntime.EXIT_NO_ADAPTER;
        }
        try {
            return run(parts, metrics, readiness);
        } finally {
            close(metrics);
            close(parts.resources());
        }
    }

    private void close(AutoCloseable resources) {
        try {
            resources.close();
        } catch (Exception e) {
            err.println("cfcheck bot: " + BotRuntime.oneLine(e));
        }
    }

    private int run(BotParts parts, BotMetrics metrics, DeferredReadiness readiness) throws InterruptedException {
        CommandRouter router = CommandRouter.builder(metrics.metered(parts.checks()))
                .listener(metrics.requests())
                .targets(parts.targets())
                .origins(parts.origins())
                .requests(parts.requests())
                .settings(parts.settings())
                .build();
        List<AdapterPlan> plans = new ArrayList<>();
        for (AdapterFactory f : platforms) {
            try {
                plans.add(f.plan(env, router));
            } catch (RuntimeException e) {
                plans.add(new AdapterPlan.Misconfigured(BotRuntime.oneLine(e)));
            }
        }
        boolean anyPlatform = plans.stream().anyMatch(p -> !(p instanceof AdapterPlan.NotConfigured));
        if (console || !anyPlatform) {
            if (!console && interactive) {
                err.println("cfcheck bot: no chat platform configured; reading /cfcheck lines from standard input.");
            }
            plans.add(new AdapterPlan.Ready(new ConsoleAdapter(router, in, out, interactive)));
        }
        BotRuntime runtime = new BotRuntime(router, plans, err);
        readiness.follow(runtime.readiness());
        Thread hook = new Thread(runtime::shutdown, "cfcheck-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runtime.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or has run.
            }
        }
    }
}
