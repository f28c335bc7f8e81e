package dev.cfcheck.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.cfcheck.bot.http.BoundedBody;
import dev.cfcheck.bot.http.BoundedHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: {@code POST /slack/events} on a {@link BoundedHttpServer}, handed to the Bolt {@link App}.
 *
 * <p>Each request is checked in an order that spends nothing on what cannot pass: path and method, content
 * type (415), declared length (413), the signature headers and timestamp (401), then the body is read with
 * a bound (413) and its signature, freshness and novelty verified on the exact bytes (401). Only a verified
 * body reaches Bolt's {@link SlackRequestParser}, which logs bodies it does not recognise; nothing here logs
 * a body, a header value or a {@code response_url}.
 */
final class SlackHttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);
    /** Slash commands and button payloads are a few KiB; Slack's own limits keep them far below this. */
    static final int MAX_BODY = 64 * 1024;
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    /** Slash commands and interactivity both arrive as forms; this app subscribes to no JSON events. */
    private static final String FORM = "application/x-www-form-urlencoded";

    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;
    private final AtomicLong handedToBolt = new AtomicLong();
    private BoundedHttpServer server;

    SlackHttpEndpoint(App app, String signingSecret, Clock clock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = new SlackRequestVerifier(signingSecret, clock, ReplayGuard.DEFAULT_MAX_ENTRIES);
    }

    void start(String bindAddress, int port, BoundedHttpServer.Limits limits) throws IOException {
        server = BoundedHttpServer.start("cfcheck-slack-http", bindAddress, port, limits, new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
                return SlackHttpEndpoint.this.handle(request, response, callback);
            }
        });
    }

    /** The port actually bound (for SLACK_PORT=0 in tests). */
    int port() {
        return server.address().getPort();
    }

    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Requests being handled now. */
    int inFlight() {
        return server.inFlight();
    }

    /** How many requests passed verification and were given to Bolt. */
    long handedToBolt() {
        return handedToBolt.get();
    }

    private boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
        if (!SlackSettings.EVENTS_PATH.equals(request.getHttpURI().getPath())) {
            BoundedHttpServer.plain(response, 404, "not found\n", callback);
            return true;
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            BoundedHttpServer.plain(response, 405, "POST only\n", callback);
            return true;
        }
        if (!isForm(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            BoundedHttpServer.plain(response, 415, "expected " + FORM + "\n", callback);
            return true;
        }
        if (request.getLength() > MAX_BODY) {
            BoundedHttpServer.plain(response, 413, "request body over " + MAX_BODY + " bytes\n", callback);
            return true;
        }
        HttpFields headers = request.getHeaders();
        String timestamp = headers.get(TIMESTAMP_HEADER);
        String signature = headers.get(SIGNATURE_HEADER);
        Optional<SlackRequestVerifier.Refusal> early = verifier.checkHeaders(timestamp, signature);
        if (early.isPresent()) {
            refuse(response, early.get(), callback);
            return true;
        }
        BoundedBody.read(request, MAX_BODY).whenComplete((body, failure) -> {
            try {
                if (failure == null) {
                    verified(request, response, callback, timestamp, signature, body);
                } else if (unwrap(failure) instanceof BoundedBody.TooLarge) {
                    BoundedHttpServer.plain(response, 413, "request body over " + MAX_BODY + " bytes\n", callback);
                } else {
                    // The connection closed or hit its deadline: nobody is left to answer, nothing to log.
                    callback.failed(new QuietException.Exception("request ended before its body arrived", unwrap(failure)));
                }
            } catch (RuntimeException | Error e) {
                failed(response, callback, e);
            }
        });
        return true;
    }

    private void verified(org.eclipse.jetty.server.Request request, Response response, Callback callback,
                          String timestamp, String signature, byte[] body) {
        Optional<SlackRequestVerifier.Refusal> refusal = verifier.check(timestamp, signature, body);
        if (refusal.isPresent()) {
            refuse(response, refusal.get(), callback);
            return;
        }
        handedToBolt.incrementAndGet();
        String query = request.getHttpURI().getQuery();
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getHttpURI().getPath())
                .queryString(query == null ? new HashMap<>() : QueryStringParser.toMap(query))
                .headers(new RequestHeaders(asMap(request.getHeaders())))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(org.eclipse.jetty.server.Request.getRemoteAddr(request))
                .build());
        if (slackRequest == null) {
            BoundedHttpServer.plain(response, 400, "not a Slack request\n", callback);
            return;
        }
        com.slack.api.bolt.response.Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            failed(response, callback, e);
            return;
        }
        response.setStatus(answer.getStatusCode());
        for (Map.Entry<String, List<String>> h : answer.getHeaders().entrySet()) {
            for (String value : h.getValue()) {
                response.getHeaders().add(h.getKey(), value);
            }
        }
        if (answer.getContentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.getContentType());
        }
        Content.Sink.write(response, true, answer.getBody() == null ? "" : answer.getBody(), callback);
    }

    private static void refuse(Response response, SlackRequestVerifier.Refusal refusal, Callback callback) {
        LOG.debug("Slack request refused: {}", refusal.reason);
        BoundedHttpServer.plain(response, 401, refusal.reason + "\n", callback);
    }

    private static void failed(Response response, Callback callback, Throwable e) {
        // The class name only: a message may quote the request.
        LOG.warn("Slack request failed: {}", e.getClass().getName());
        if (response.isCommitted()) {
            callback.failed(e);
        } else {
            BoundedHttpServer.plain(response, 500, "error\n", callback);
        }
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return FORM.equals(mime.toLowerCase(Locale.ROOT));
    }

    private static Map<String, List<String>> asMap(HttpFields fields) {
        Map<String, List<String>> map = new HashMap<>();
        for (HttpField f : fields) {
            map.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
        }
        return map;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
