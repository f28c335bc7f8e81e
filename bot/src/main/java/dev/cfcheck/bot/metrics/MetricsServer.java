package dev.cfcheck.bot.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.http.JdkHttpServerLimits;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator port on the JDK's {@link HttpServer}: the Prometheus scrape endpoint {@code GET /metrics}, in the
 * classic text format; {@code GET /healthz}, 200 while the process answers at all (liveness); and
 * {@code GET /readyz}, 200 when every configured adapter is connected, else 503 naming the one that is not
 * ({@link Readiness}). Any other path is 404, any other method 405. Two threads, a short queue and a deadline
 * per exchange ({@link ExchangeWorkers}) bound what scrapers and probes can take from the bot.
 */
public final class MetricsServer implements AutoCloseable {

    public static final String PATH = "/metrics";
    public static final String HEALTH_PATH = "/healthz";
    public static final String READY_PATH = "/readyz";
    /** Text format 0.0.4: every Prometheus server and agent reads it. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final int BACKLOG = 16;

    private final PrometheusMeterRegistry registry;
    private final Readiness readiness;
    private final HttpServer server;
    private final ExchangeWorkers workers;

    private MetricsServer(PrometheusMeterRegistry registry, Readiness readiness, HttpServer server, ExchangeWorkers workers) {
        this.registry = registry;
        this.readiness = readiness;
        this.server = server;
        this.workers = workers;
    }

    /**
     * Listens on {@code address} (port 0: any free port, see {@link #address()}) and serves the registry and
     * the readiness.
     *
     * @throws IOException when the address cannot be bound (in use, not an address of this host)
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry, Readiness readiness)
            throws IOException {
        return start(address, registry, readiness, ExchangeWorkers.DEFAULT_DEADLINE);
    }

    static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry, Readiness readiness,
                               Duration exchangeDeadline) throws IOException {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(readiness, "readiness");
        JdkHttpServerLimits.install(); // the JDK reads them once, when the first server of the JVM is made
        HttpServer server = HttpServer.create(address, BACKLOG);
        ExchangeWorkers workers = new ExchangeWorkers(exchangeDeadline);
        MetricsServer metrics = new MetricsServer(registry, readiness, server, workers);
        // The root context sees every path, so that the answer to a wrong one is ours, not the JDK's page.
        server.createContext("/", metrics::handle);
        server.setExecutor(workers);
        server.start();
        return metrics;
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!PATH.equals(path) && !HEALTH_PATH.equals(path) && !READY_PATH.equals(path)) {
                reply(exchange, 404, TEXT, "not found: this port serves " + PATH + ", " + HEALTH_PATH + " and " + READY_PATH + "\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, TEXT, "method not allowed: use GET\n");
            } else if (HEALTH_PATH.equals(path)) {
                reply(exchange, 200, TEXT, "alive\n");
            } else if (READY_PATH.equals(path)) {
                ready(exchange);
            } else {
                scrape(exchange);
            }
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        Readiness.Status status;
        try {
            status = readiness.now();
        } catch (RuntimeException e) {
            LOG.warn("readiness could not be told: {}", e.toString());
            status = Readiness.Status.notReady("readiness unknown");
        }
        reply(exchange, status.ready() ? 200 : 503, TEXT, (status.ready() ? "ready: " : "not ready: ") + status.text() + "\n");
    }

    private void scrape(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(body, CONTENT_TYPE);
        } catch (RuntimeException e) {
            LOG.warn("metrics scrape failed: {}", e.toString());
            reply(exchange, 500, TEXT, "scrape failed\n");
            return;
        }
        reply(exchange, 200, CONTENT_TYPE, body.toByteArray());
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops listening at once (a scrape in progress is cut off; the scraper retries) and ends the threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }
}
