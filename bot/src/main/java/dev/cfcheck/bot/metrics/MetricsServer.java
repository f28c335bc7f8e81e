package dev.cfcheck.bot.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * The Prometheus scrape endpoint: {@code GET /metrics} on the JDK's {@link HttpServer}, in the classic
 * text format. Any other path is 404, any other method on {@code /metrics} 405. Two threads, a short
 * queue and a deadline per exchange ({@link ExchangeWorkers}) bound what scrapers can take from the bot.
 */
public final class MetricsServer implements AutoCloseable {

    public static final String PATH = "/metrics";
    /** Text format 0.0.4: every Prometheus server and agent reads it. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final int BACKLOG = 16;

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExchangeWorkers workers;

    private MetricsServer(PrometheusMeterRegistry registry, HttpServer server, ExchangeWorkers workers) {
        this.registry = registry;
        this.server = server;
        this.workers = workers;
    }

    /**
     * Listens on {@code address} (port 0: any free port, see {@link #address()}) and serves the registry.
     *
     * @throws IOException when the address cannot be bound (in use, not an address of this host)
     */
    public static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry) throws IOException {
        return start(address, registry, ExchangeWorkers.DEFAULT_DEADLINE);
    }

    static MetricsServer start(InetSocketAddress address, PrometheusMeterRegistry registry, Duration exchangeDeadline)
            throws IOException {
        Objects.requireNonNull(registry, "registry");
        JdkHttpServerLimits.install(); // the JDK reads them once, when the first server of the JVM is made
        HttpServer server = HttpServer.create(address, BACKLOG);
        ExchangeWorkers workers = new ExchangeWorkers(exchangeDeadline);
        MetricsServer metrics = new MetricsServer(registry, server, workers);
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
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found: metrics are at " + PATH + "\n");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, "text/plain; charset=utf-8", "method not allowed: use GET\n");
            } else {
                scrape(exchange);
            }
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(body, CONTENT_TYPE);
        } catch (RuntimeException e) {
            LOG.warn("metrics scrape failed: {}", e.toString());
            reply(exchange, 500, "text/plain; charset=utf-8", "scrape failed\n");
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
