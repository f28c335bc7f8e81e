package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.BotAdapter;
import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.router.CommandRouter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured adapter side by side over one router. The process ends when the last adapter
 * ends; when none could start, {@link #run()} returns 2 after naming why. {@link #shutdown()} (the
 * SIGTERM hook) lets running checks finish or time out, then disconnects every adapter. {@link #readiness()}
 * tells the operator port whether every configured adapter is up.
 */
public final class BotRuntime {

    public static final int EXIT_OK = 0;
    public static final int EXIT_NO_ADAPTER = 2;

    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

    private final CommandRouter router;
    private final List<AdapterPlan> plans;
    private final PrintStream err;
    private final List<BotAdapter> running = new ArrayList<>();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private volatile boolean startsDone;

    /**
     * @param plans what each platform's factory said, in order (the console's included when it should run)
     * @param err   where reasons go (standard error)
     */
    public BotRuntime(CommandRouter router, List<AdapterPlan> plans, PrintStream err) {
        this.router = router;
        this.plans = List.copyOf(plans);
        this.err = err;
    }

    /** Starts the adapters and blocks until all have ended. Returns the exit status. */
    public int run() throws InterruptedException {
        List<String> reasons = new ArrayList<>();
        for (AdapterPlan plan : plans) {
            if (plan instanceof AdapterPlan.Misconfigured m) {
                reasons.add(m.reason());
                err.println("cfcheck bot: " + m.reason());
            } else if (plan instanceof AdapterPlan.Ready r) {
                BotAdapter adapter = r.adapter();
                try {
                    adapter.start();
                    synchronized (running) {
                        running.add(adapter);
                    }
                    LOG.info("{} adapter started", adapter.name());
                } catch (Exception e) {
                    String reason = adapter.name() + " could not start: " + oneLine(e);
                    reasons.add(reason);
                    err.println("cfcheck bot: " + reason);
                    LOG.debug("{} start failure", adapter.name(), e);
                    adapter.stop();
                }
            }
        }
        List<BotAdapter> started;
        synchronized (running) {
            started = List.copyOf(running);
        }
        startsDone = true;
        if (started.isEmpty()) {
            err.println("cfcheck bot: no adapter could start"
                    + (reasons.isEmpty() ? " (set SLACK_APP_TOKEN and SLACK_BOT_TOKEN, DISCORD_TOKEN, or use --console)" : "."));
            router.close();
            return EXIT_NO_ADAPTER;
        }
        for (BotAdapter adapter : started) {
            adapter.awaitTermination();
            LOG.info("{} adapter ended", adapter.name());
        }
        shutdown();
        return EXIT_OK;
    }

    /**
     * Ready when every configured adapter started and is {@link BotAdapter#ready() connected}; otherwise the text
     * names each one that is not: misconfigured (its one-line reason), could not start, or not connected (a
     * platform link that dropped and is being re-made). Not ready while starting and once shutting down.
     */
    public Readiness readiness() {
        return this::status;
    }

    private Readiness.Status status() {
        if (shutDown.get()) {
            return Readiness.Status.notReady("shutting down");
        }
        if (!startsDone) {
            return Readiness.STARTING.now();
        }
        List<BotAdapter> up;
        synchronized (running) {
            up = List.copyOf(running);
        }
        List<String> ready = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        for (AdapterPlan plan : plans) {
            if (plan instanceof AdapterPlan.Misconfigured m) {
                notReady.add(m.reason());
            } else if (plan instanceof AdapterPlan.Ready r) {
                BotAdapter adapter = r.adapter();
                if (!up.contains(adapter)) {
                    notReady.add(adapter.name() + " could not start");
                } else if (adapter.ready()) {
                    ready.add(adapter.name());
                } else {
                    notReady.add(adapter.name() + " not connected");
                }
            }
        }
        return notReady.isEmpty()
                ? Readiness.Status.ready(String.join(", ", ready))
                : Readiness.Status.notReady(String.join("; ", notReady));
    }

    /**
     * Running checks finish (or time out) and their replies are posted; then every adapter disconnects.
     * Idempotent: called by the SIGTERM hook and when the last adapter ends.
     */
    public void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        router.close();
        List<BotAdapter> toStop;
        synchronized (running) {
            toStop = List.copyOf(running);
        }
        for (BotAdapter adapter : toStop) {
            try {
                adapter.stop();
            } catch (RuntimeException e) {
                LOG.warn("{} adapter did not stop cleanly: {}", adapter.name(), oneLine(e));
            }
        }
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
