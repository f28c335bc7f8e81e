package dev.cfcheck.bot.metrics;

import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.router.RequestListener;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.site.IpLiteral;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's metrics, when {@value MetricsSettings#PORT_VARIABLE} asks for them: one Prometheus registry
 * with the JVM's meters (memory, threads, GC, uptime, CPU), the checks' ({@link MeteredCheckService}) and
 * the router's ({@link RequestCounter}), served by a {@link MetricsServer}. Without the variable it is
 * off: the checker is not wrapped, the router is told nothing and nothing listens.
 */
public final class BotMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotMetrics.class);
    private static final BotMetrics OFF = new BotMetrics(null, null, null);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final MetricsServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BotMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc, MetricsServer server) {
        this.registry = registry;
        this.gc = gc;
        this.server = server;
    }

    /**
     * Reads the settings and, when metrics are on, starts serving them, and the bot's health beside them.
     *
     * @param env       a variable's value, or {@code null} when unset
     * @param readiness what {@code /readyz} answers
     * @throws IllegalArgumentException a bad {@value MetricsSettings#PORT_VARIABLE} or
     *                                  {@value MetricsSettings#BIND_VARIABLE} (one line naming it)
     * @throws IOException              the address cannot be listened on (one line naming it)
     */
    public static BotMetrics fromEnvironment(Function<String, String> env, Readiness readiness) throws IOException {
        Optional<MetricsSettings> settings = MetricsSettings.fromEnvironment(env);
        return settings.isEmpty() ? OFF : start(settings.get().address(), readiness);
    }

    static BotMetrics start(InetSocketAddress address, Readiness readiness) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        MetricsServer server;
        try {
            server = MetricsServer.start(address, registry, readiness);
        } catch (IOException e) {
            gc.close();
            registry.close();
            // "Address already in use" alone does not say which address, nor that it was the metrics'.
            throw new IOException("metrics cannot listen on " + describe(address) + ": " + e.getMessage(), e);
        }
        LOG.info("metrics served at http://{}{}, health at {} and {}", describe(server.address()), MetricsServer.PATH,
                MetricsServer.HEALTH_PATH, MetricsServer.READY_PATH);
        return new BotMetrics(registry, gc, server);
    }

    /** The checker, measured when metrics are on. */
    public CheckService metered(CheckService checks) {
        return registry == null ? checks : new MeteredCheckService(checks, registry);
    }

    /** What the router tells about each request: counted when metrics are on. */
    public RequestListener requests() {
        return registry == null ? RequestListener.NONE : new RequestCounter(registry);
    }

    /** Where the endpoint listens; empty when metrics are off. */
    public Optional<InetSocketAddress> address() {
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    /** Stops the endpoint and lets go of the JVM's GC notifications. Idempotent; a no-op when off. */
    @Override
    public void close() {
        if (server != null && closed.compareAndSet(false, true)) {
            server.close();
            gc.close();
            registry.close();
        }
    }

    private static String describe(InetSocketAddress address) {
        return IpLiteral.withPort(address.getAddress(), address.getPort());
    }
}
