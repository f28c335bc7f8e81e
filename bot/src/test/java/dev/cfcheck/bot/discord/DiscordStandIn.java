package dev.cfcheck.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A loopback Discord for hermetic tests: one MockWebServer is both the REST API (under {@code /api/v10/}) and,
 * through its WebSocket upgrade at {@code /gateway}, the gateway. The gateway speaks the real protocol JDA
 * expects: HELLO (op 10), IDENTIFY (op 2) answered with READY, heartbeats (op 1) answered with ACKs (op 11),
 * RESUME (op 6) answered with RESUMED, and dispatches (op 0) the test sends.
 *
 * <p>Every REST request is recorded; {@link #takeRest(String, String)} waits for the next one matching a method
 * and a path prefix, with a bound so a broken test fails instead of hanging.
 */
final class DiscordStandIn implements AutoCloseable {
    static final String APPLICATION_ID = "1200000000000000001";
    static final String GUILD_ID = "1200000000000000002";
    static final String CHANNEL_ID = "1200000000000000003";
    static final String USER_ID = "1200000000000000004";
    static final String TOKEN = "MTIwMDAwMDAwMDAwMDAwMDAwMQ.stand-in.bot-token-for-tests";

    private static final long WAIT_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<RecordedRequest> rest = new LinkedBlockingQueue<>();
    private final List<RecordedRequest> allRest = new CopyOnWriteArrayList<>();
    private final AtomicReference<WebSocket> socket = new AtomicReference<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Discord ids carry their creation time; JDA refuses to answer an interaction older than 15 minutes. */
    private static final long DISCORD_EPOCH = 1420070400000L;
    private final AtomicLong snowflakes = new AtomicLong((System.currentTimeMillis() - DISCORD_EPOCH) << 22);
    private final List<RecordedRequest> gatewayUpgrades = new CopyOnWriteArrayList<>();
    private final BlockingQueue<JsonNode> gatewayFrames = new LinkedBlockingQueue<>();
    private volatile boolean refuseTokens;
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile CountDownLatch resumed = new CountDownLatch(1);

    DiscordStandIn() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The settings the adapter needs to talk to this stand-in. */
    DiscordSettings settings(String guildId) {
        return new DiscordSettings(TOKEN, guildId, apiUrl(), gatewayUrl());
    }

    String apiUrl() {
        return server.url("/api/v10/").toString();
    }

    String gatewayUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
    }

    /** From now on the REST API answers 401, as Discord does for a wrong or revoked token. */
    void refuseTokens() {
        refuseTokens = true;
    }

    /** Waits until the gateway has sent READY (after IDENTIFY) on the current connection. */
    void awaitReady() throws InterruptedException {
        await(ready, "READY was never sent: JDA did not IDENTIFY");
    }

    /** Waits until a RESUME was answered with RESUMED. */
    void awaitResumed() throws InterruptedException {
        await(resumed, "JDA did not RESUME after the gateway dropped");
    }

    /** The HTTP requests with which JDA opened the gateway, in order (one per connection). */
    List<RecordedRequest> gatewayUpgrades() {
        return List.copyOf(gatewayUpgrades);
    }

    /** Drops the gateway connection as Discord does on a server-side restart (close code 4000 = resumable). */
    void dropGateway() {
        resumed = new CountDownLatch(1);
        closeGateway(4000, "stand-in restart");
    }

    /** Closes the gateway connection with this close code (4004 authentication failed, 4014 disallowed intents...). */
    void closeGateway(int code, String reason) {
        socket.get().close(code, reason);
    }

    /** The next frame JDA sent on the gateway with this op code (heartbeats and others are skipped). */
    JsonNode takeGatewayFrame(int op) throws InterruptedException {
        while (true) {
            JsonNode frame = gatewayFrames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no gateway frame with op " + op);
            }
            if (frame.path("op").asInt() == op) {
                return frame;
            }
        }
    }

    /** Sends an INTERACTION_CREATE for {@code /cfcheck} (or another slash command) with these options. */
    Interaction slashCommand(String name, ObjectNode... options) {
        ObjectNode data = JSON.createObjectNode()
                .put("id", "1200000000000000100")
                .put("name", name)
                .put("type", 1);
        ArrayNode opts = data.putArray("options");
        for (ObjectNode option : options) {
            opts.add(option);
        }
        return dispatchInteraction(2, data);
    }

    /** Sends an INTERACTION_CREATE for a button press with this custom_id. */
    Interaction buttonPress(String customId) {
        ObjectNode data = JSON.createObjectNode()
                .put("custom_id", customId)
                .put("component_type", 2);
        return dispatchInteraction(3, data);
    }

    static ObjectNode stringOption(String name, String value) {
        return JSON.createObjectNode().put("name", name).put("type", 3).put("value", value);
    }

    static ObjectNode booleanOption(String name, boolean value) {
        return JSON.createObjectNode().put("name", name).put("type", 5).put("value", value);
    }

    /** The id and token of an interaction the stand-in sent: the REST paths of its replies are built from them. */
    record Interaction(String id, String token) {
        String callbackPath() {
            return "/api/v10/interactions/" + id + "/" + token + "/callback";
        }

        String originalPath() {
            return "/api/v10/webhooks/" + APPLICATION_ID + "/" + token + "/messages/@original";
        }

        String followupPath() {
            return "/api/v10/webhooks/" + APPLICATION_ID + "/" + token;
        }
    }

    /** Waits for the next REST request with this method whose path starts with the prefix; others are skipped. */
    RecordedRequest takeRest(String method, String pathPrefix) throws InterruptedException {
        while (true) {
            RecordedRequest request = rest.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no " + method + " " + pathPrefix + " came; all REST requests: "
                        + allRest.stream().map(RecordedRequest::getRequestLine).toList());
            }
            if (request.getMethod().equals(method) && path(request).startsWith(pathPrefix)) {
                return request;
            }
        }
    }

    /** Every REST request seen so far, in order. */
    List<RecordedRequest> restRequests() {
        return List.copyOf(allRest);
    }

    static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private Interaction dispatchInteraction(int type, ObjectNode data) {
        String id = Long.toString(snowflakes.incrementAndGet());
        String token = "interaction-token-" + id;
        ObjectNode d = JSON.createObjectNode()
                .put("id", id)
                .put("application_id", APPLICATION_ID)
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", GUILD_ID)
                .put("channel_id", CHANNEL_ID)
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("app_permissions", "2248473465835073")
                .put("context", 0);
        d.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
        d.putObject("channel")
                .put("id", CHANNEL_ID)
                .put("type", 0)
                .put("guild_id", GUILD_ID)
                .put("name", "incident")
                .put("position", 0)
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("permissions", "2248473465835073");
        ObjectNode member = d.putObject("member")
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .put("permissions", "2248473465835073");
        member.putArray("roles");
        member.putObject("user")
                .put("id", USER_ID)
                .put("username", "oncall")
                .put("discriminator", "0")
                .put("global_name", "On Call")
                .putNull("avatar");
        d.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        d.putArray("entitlements");
        if (type == 3) {
            ObjectNode message = d.putObject("message");
            fillMessage(message, Long.toString(snowflakes.incrementAndGet()), "");
        }
        d.set("data", data);
        send(dispatch("INTERACTION_CREATE", d));
        return new Interaction(id, token);
    }

    private ObjectNode dispatch(String type, ObjectNode d) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", d);
        return frame;
    }

    private void send(JsonNode frame) {
        WebSocket ws = socket.get();
        if (ws == null || !ws.send(frame.toString())) {
            throw new IllegalStateException("the gateway is not connected");
        }
    }

    /** The decoded path ("@original", not "%40original"). */
    static String path(RecordedRequest request) {
        return "/" + String.join("/", request.getUrl().pathSegments());
    }

    private MockResponse answer(RecordedRequest request) {
        String path = path(request);
        if (path.equals("/gateway")) {
            gatewayUpgrades.add(request);
            return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
        }
        allRest.add(request);
        rest.add(request);
        String method = request.getMethod();
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
            if (refuseTokens) {
                return json(401, JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
            }
            return json(200, selfUser());
        }
        if (method.equals("PUT") && path.matches("/api/v10/applications/[0-9]+(/guilds/[0-9]+)?/commands")) {
            return json(200, registeredCommands(body(request)));
        }
        if (method.equals("POST") && path.matches("/api/v10/interactions/[0-9]+/[^/]+/callback")) {
            return new MockResponse.Builder().code(204).build();
        }
        if ((method.equals("PATCH") || method.equals("POST")) && path.startsWith("/api/v10/webhooks/")) {
            ObjectNode message = JSON.createObjectNode();
            fillMessage(message, Long.toString(snowflakes.incrementAndGet()), body(request).path("content").asText(""));
            return json(200, message);
        }
        return json(404, JSON.createObjectNode().put("message", "Unknown route in stand-in").put("code", 0));
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    private static ObjectNode selfUser() {
        return JSON.createObjectNode()
                .put("id", APPLICATION_ID)
                .put("username", "cfcheck")
                .put("discriminator", "0")
                .putNull("global_name")
                .putNull("avatar")
                .put("bot", true)
                .put("verified", true)
                .put("mfa_enabled", false)
                .put("flags", 0);
    }

    /** Echoes the commands as Discord does: each gets an id, the application id and a version. */
    private JsonNode registeredCommands(JsonNode requested) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode command : requested) {
            ObjectNode registered = command.deepCopy();
            registered.put("id", Long.toString(snowflakes.incrementAndGet()));
            registered.put("application_id", APPLICATION_ID);
            registered.put("version", Long.toString(snowflakes.incrementAndGet()));
            registered.putNull("default_member_permissions");
            if (!registered.has("type")) {
                registered.put("type", 1);
            }
            out.add(registered);
        }
        return out;
    }

    private static void fillMessage(ObjectNode message, String id, String content) {
        message.put("id", id)
                .put("channel_id", CHANNEL_ID)
                .put("type", 0)
                .put("content", content)
                .put("timestamp", "2025-01-01T00:00:00.000000+00:00")
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0)
                .put("webhook_id", APPLICATION_ID)
                .put("application_id", APPLICATION_ID);
        message.putObject("author").setAll((ObjectNode) selfUser());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
    }

    /** A small guild JDA accepts: the @everyone role, the incident channel, and the bot as a member. */
    private static ObjectNode guildCreate() {
        ObjectNode g = JSON.createObjectNode()
                .put("id", GUILD_ID)
                .put("name", "Stand-in Incidents")
                .putNull("icon")
                .put("owner_id", USER_ID)
                .put("preferred_locale", "en-US")
                .put("member_count", 2)
                .put("afk_timeout", 300)
                .put("large", false)
                .put("unavailable", false)
                .put("premium_progress_bar_enabled", false)
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        g.putArray("roles").addObject()
                .put("id", GUILD_ID)
                .put("name", "@everyone")
                .put("color", 0)
                .put("position", 0)
                .put("permissions", "2248473465835073")
                .put("managed", false)
                .put("hoist", false)
                .put("mentionable", false)
                .put("flags", 0);
        g.putArray("channels").addObject()
                .put("id", CHANNEL_ID)
                .put("type", 0)
                .put("guild_id", GUILD_ID)
                .put("name", "incident")
                .put("position", 0)
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .putArray("permission_overwrites");
        ObjectNode self = g.putArray("members").addObject()
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0);
        self.putArray("roles");
        self.set("user", selfUser());
        g.putArray("threads");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("guild_scheduled_events");
        g.putArray("stage_instances");
        return g;
    }

    private static void await(CountDownLatch latch, String failure) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(failure);
        }
    }

    /** The gateway side of one WebSocket connection. */
    private final class Gateway extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket.set(webSocket);
            ObjectNode hello = JSON.createObjectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", 41250);
            webSocket.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (IOException e) {
                webSocket.close(4002, "decode error");
                return;
            }
            gatewayFrames.add(frame);
            switch (frame.path("op").asInt()) {
                case 1 -> webSocket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> {
                    if (!TOKEN.equals(frame.path("d").path("token").asText())) {
                        webSocket.close(4004, "Authentication failed.");
                        return;
                    }
                    webSocket.send(dispatch("READY", readyPayload()).toString());
                    // As Discord does: READY lists the guild as unavailable, GUILD_CREATE follows with its content.
                    webSocket.send(dispatch("GUILD_CREATE", guildCreate()).toString());
                    ready.countDown();
                }
                case 6 -> {
                    webSocket.send(dispatch("RESUMED", JSON.createObjectNode()).toString());
                    resumed.countDown();
                }
                default -> { }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(code, null);
        }

        private ObjectNode readyPayload() {
            ObjectNode d = JSON.createObjectNode()
                    .put("v", 10)
                    .put("session_id", "stand-in-session")
                    .put("resume_gateway_url", gatewayUrl());
            d.set("user", selfUser());
            d.putObject("application").put("id", APPLICATION_ID).put("flags", 0);
            d.putArray("guilds").addObject().put("id", GUILD_ID).put("unavailable", true);
            d.putArray("private_channels");
            d.putArray("guild_join_requests");
            d.putArray("relationships");
            d.putArray("presences");
            return d;
        }
    }
}
