package dev.cfcheck.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfcheck.bot.http.JdkHttpServerLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode without a servlet container: the JDK's {@link HttpServer} serves {@code /slack/events} and
 * hands each request to the Bolt {@link App} through {@link SlackRequestParser} and {@link App#run},
 * which verifies the signature and timestamp before any handler runs.
 */
final class SlackHttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    /** Interaction payloads carry the whole message; 1 MiB is far above any real one. */
    static final int MAX_BODY = 1 << 20;
    /**
     * How long a client may take to send its request (and to be answered), and to read the response.
     * Slack gives up on an ack after 3 s, so nothing useful takes longer.
     */
    static final long MAX_EXCHANGE_SECONDS = JdkHttpServerLimits.MAX_EXCHANGE_SECONDS;

    private final App app;
    private final SlackRequestParser parser;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    SlackHttpEndpoint(App app, String bindAddress, int port) throws IOException {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        JdkHttpServerLimits.install(); // before the first server of the JVM exists: read once by the JDK
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        AtomicInteger n = new AtomicInteger();
        // Handlers only parse, verify and ack (the check runs elsewhere), so a few threads go far; when all
        // are busy the accepting thread runs the request itself, which slows intake instead of dropping it.
        this.workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "cfcheck-slack-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.createContext(SlackSettings.EVENTS_PATH, this::handle);
        server.setExecutor(workers);
    }

    void start() {
        server.start();
    }

    /** The port actually bound (for SLACK_PORT=0 in tests). */
    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        workers.shutdown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "POST only");
                return;
            }
            if (!SlackSettings.EVENTS_PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, "text/plain", "not found");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                reply(exchange, 413, "text/plain", "too large");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(rawQuery == null ? new HashMap<>() : QueryStringParser.toMap(rawQuery))
                    .headers(new RequestHeaders(headers))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            if (request == null) {
                reply(exchange, 400, "text/plain", "not a Slack request");
                return;
            }
            Response response = app.run(request);
            for (Map.Entry<String, List<String>> h : response.getHeaders().entrySet()) {
                exchange.getResponseHeaders().put(h.getKey(), h.getValue());
            }
            reply(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
        } catch (Exception e) {
            LOG.warn("Slack request failed: {}", e.toString());
            try {
                reply(exchange, 500, "text/plain", "error");
            } catch (IOException | RuntimeException ignored) {
                // The response was already under way; the connection closes.
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
