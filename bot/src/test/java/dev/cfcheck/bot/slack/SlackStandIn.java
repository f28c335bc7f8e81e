package dev.cfcheck.bot.slack;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A loopback stand-in for Slack: the Web API ({@code auth.test}, {@code apps.connections.open}), the
 * {@code response_url}s, and the Socket Mode WebSocket through MockWebServer's upgrade.
 */
final class SlackStandIn implements Closeable {

    static final String BOT_USER = "U0BOT";

    private final MockWebServer server = new MockWebServer();
    final BlockingQueue<RecordedRequest> responsePosts = new LinkedBlockingQueue<>();
    final BlockingQueue<WebSocket> sockets = new LinkedBlockingQueue<>();
    final BlockingQueue<String> socketMessages = new LinkedBlockingQueue<>();
    final AtomicInteger connectionsOpened = new AtomicInteger();
    final AtomicInteger authTests = new AtomicInteger();
    private final List<WebSocket> allSockets = new CopyOnWriteArrayList<>();

    SlackStandIn() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/api/auth.test")) {
                    authTests.incrementAndGet();
                    return json("{\"ok\":true,\"url\":\"https://standin.slack.test/\",\"team\":\"Stand-in\",\"user\":\"cfcheck\","
                            + "\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B1\"}");
                }
                if (path.equals("/api/apps.connections.open") && String.valueOf(request.getHeaders().get("Authorization")).contains("revoked")) {
                    return json("{\"ok\":false,\"error\":\"invalid_auth\"}");
                }
                if (path.equals("/api/apps.connections.open")) {
                    int n = connectionsOpened.incrementAndGet();
                    return json("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + server.getPort() + "/link/?n=" + n + "\"}");
                }
                if (path.startsWith("/link/")) {
                    return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket webSocket, Response response) {
                            allSockets.add(webSocket);
                            sockets.add(webSocket);
                        }

                        @Override
                        public void onMessage(WebSocket webSocket, String text) {
                            socketMessages.add(text);
                        }
                    }).build();
                }
                if (path.startsWith("/response/")) {
                    responsePosts.add(request);
                    return new MockResponse.Builder().code(200).body("ok").build();
                }
                return new MockResponse.Builder().code(404).body("{\"ok\":false,\"error\":\"unknown_method\"}").build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String apiUrl() {
        return server.url("/api/").toString();
    }

    String responseUrl(String name) {
        return server.url("/response/" + name).toString();
    }

    /** The next post to a response_url (waits for it: the card comes after the check). */
    RecordedRequest nextResponsePost() throws InterruptedException {
        RecordedRequest r = responsePosts.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("nothing was posted to a response_url");
        }
        return r;
    }

    WebSocket nextSocket() throws InterruptedException {
        WebSocket s = sockets.poll(30, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the client never opened a WebSocket");
        }
        return s;
    }

    String nextSocketMessage() throws InterruptedException {
        String s = socketMessages.poll(30, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the client sent nothing on the WebSocket");
        }
        return s;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    @Override
    public void close() {
        // MockWebServer waits for open WebSockets; end them first.
        allSockets.forEach(s -> s.close(1001, "stand-in closing"));
        server.close();
    }
}
