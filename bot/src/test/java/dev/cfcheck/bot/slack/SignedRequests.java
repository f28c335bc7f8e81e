package dev.cfcheck.bot.slack;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests signed the way Slack signs them: v0 = HMAC-SHA256(secret, "v0:" + timestamp + ":" + body). */
final class SignedRequests {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String secret;

    SignedRequests(int port, String secret) {
        this("127.0.0.1", port, secret);
    }

    /** @param host an IP literal (IPv6 in brackets) */
    SignedRequests(String host, int port, String secret) {
        this.endpoint = URI.create("http://" + host + ":" + port + SlackSettings.EVENTS_PATH);
        this.secret = secret;
    }

    static String signature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> slashCommand(String text, String responseUrl, String team, String channel, String user) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", team);
        f.put("team_domain", "standin");
        f.put("channel_id", channel);
        f.put("channel_name", "incident");
        f.put("user_id", user);
        f.put("user_name", "oncall");
        f.put("command", "/cfcheck");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "1.2.3");
        return f;
    }

    static String blockAction(String actionId, String value, String responseUrl, String team, String channel, String user) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + team + "\",\"domain\":\"standin\"},"
                + "\"user\":{\"id\":\"" + user + "\",\"username\":\"oncall\",\"team_id\":\"" + team + "\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"1.2.3\","
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"incident\"},"
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.1\",\"channel_id\":\"" + channel + "\"},"
                + "\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + value + "\",\"action_ts\":\"1.2\"}]}";
        return form(Map.of("payload", payload));
    }

    HttpResponse<String> post(String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return post(body, now, signature(secret, now, body));
    }

    HttpResponse<String> post(String body, long timestamp, String signature) throws Exception {
        return send(to().header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request to the endpoint with nothing set but a time limit (a guard: the server answers far sooner). */
    HttpRequest.Builder to() {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where the requests go. */
    InetSocketAddress address() {
        return new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    }

    /**
     * The bytes of a request signed now, closing its connection after the answer: for {@link LoopbackPosts}, many
     * at once (each body must differ: a replay is refused).
     */
    byte[] raw(String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + SlackSettings.EVENTS_PATH + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "X-Slack-Request-Timestamp: " + now + "\r\n"
                + "X-Slack-Signature: " + signature(secret, now, body) + "\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + content.length);
        System.arraycopy(content, 0, bytes, head.length(), content.length);
        return bytes;
    }
}
