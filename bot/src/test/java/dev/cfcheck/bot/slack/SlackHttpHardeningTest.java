package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.http.BoundedHttpServer;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP endpoint against hostile and clumsy clients, over real sockets with requests signed like Slack's:
 * the timestamp window both ways, replays, content type, body size, slow clients, a full server, the bind
 * address. The deadlines are shortened so that the slow-client cases end quickly.
 */
class SlackHttpHardeningTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT_TOKEN = "xoxb-000000-standin-bot-token";
    /** Short deadlines; the idle timeout stays long so that only the deadlines can be what cuts a client off. */
    private static final BoundedHttpServer.Limits SHORT = new BoundedHttpServer.Limits(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30), 256, 1024, 16);

    private final ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    private final CommandRouter router = CommandRouter.builder(checks)
            .targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).settings(RouterSettings.DEFAULTS).build();
    private final List<Socket> sockets = new ArrayList<>();
    private SlackStandIn slack;
    private SlackAdapter adapter;
    private SignedRequests requests;

    private void start(BoundedHttpServer.Limits limits) throws Exception {
        slack = new SlackStandIn();
        adapter = new SlackAdapter(SlackSettings.httpMode(BOT_TOKEN, SECRET, "127.0.0.1", 0, slack.apiUrl()).withHttpLimits(limits), router);
        adapter.start();
        requests = new SignedRequests(adapter.httpPort(), SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        // The router first: it ends the checks' follow-ups while the adapter can still take their (empty) answer.
        router.close();
        if (adapter != null) {
            adapter.stop();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private String command(String text, String response) {
        return SignedRequests.form(SignedRequests.slashCommand(text, slack.responseUrl(response), "T1", "C1", "U1"));
    }

    private HttpResponse<String> signedAt(String body, long timestamp) throws Exception {
        return requests.post(body, timestamp, SignedRequests.signature(SECRET, timestamp, body));
    }

    private long handedToBolt() {
        return adapter.httpEndpoint().handedToBolt();
    }

    @Test
    void aTimestampSixMinutesAheadOrBehindIsRefusedBeforeBoltSeesTheBody() throws Exception {
        start(SHORT);
        long now = Instant.now().getEpochSecond();
        long sixMinutes = Duration.ofMinutes(6).toSeconds();

        HttpResponse<String> future = signedAt(command("example.com", "r1"), now + sixMinutes);
        HttpResponse<String> past = signedAt(command("example.com", "r2"), now - sixMinutes);

        assertThat(future.statusCode()).isEqualTo(401);
        assertThat(future.body()).contains("timestamp outside the five-minute window");
        assertThat(past.statusCode()).isEqualTo(401);
        assertThat(handedToBolt()).isZero();
        assertThat(checks.requests()).isEmpty();

        // Inside the window either way (Slack's clock and ours differ a little): accepted.
        assertThat(signedAt(command("example.com", "r3"), now + 60).statusCode()).isEqualTo(200);
        assertThat(signedAt(command("example.com", "r4"), now - 240).statusCode()).isEqualTo(200);
        slack.nextResponsePost();
        slack.nextResponsePost();
    }

    @Test
    void theSameSignedRequestSentTwiceRunsOnce() throws Exception {
        start(SHORT);
        String body = command("example.com", "r1");
        long now = Instant.now().getEpochSecond();
        String signature = SignedRequests.signature(SECRET, now, body);

        HttpResponse<String> first = requests.post(body, now, signature);
        HttpResponse<String> again = requests.post(body, now, signature);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("request already received");
        slack.nextResponsePost();
        assertThat(checks.requests()).hasSize(1);
        assertThat(handedToBolt()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotAFormIs415() throws Exception {
        start(SHORT);
        String body = "{\"type\":\"url_verification\",\"challenge\":\"x\"}";
        long now = Instant.now().getEpochSecond();
        String signature = SignedRequests.signature(SECRET, now, body);

        HttpResponse<String> json = requests.send(requests.to().header("Content-Type", "application/json")
                .header(SlackHttpEndpoint.TIMESTAMP_HEADER, Long.toString(now)).header(SlackHttpEndpoint.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> none = requests.send(requests.to().POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(handedToBolt()).isZero();
    }

    @Test
    void anUnsigned900KiBBodyIs413WhetherDeclaredOrChunkedAndNothingReachesBolt() throws Exception {
        start(SHORT);
        byte[] huge = ("text=" + "A".repeat(900 * 1024)).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> declared = requests.send(requests.to().header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        // No Content-Length: the server finds out while reading, and stops there.
        HttpResponse<String> chunked = requests.send(requests.to().header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackHttpEndpoint.TIMESTAMP_HEADER, Long.toString(Instant.now().getEpochSecond()))
                .header(SlackHttpEndpoint.SIGNATURE_HEADER, "v0=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(handedToBolt()).isZero();
        assertThat(checks.requests()).isEmpty();
        // The endpoint still serves.
        assertThat(requests.post(command("example.com", "r1")).statusCode()).isEqualTo(200);
        slack.nextResponsePost();
    }

    @Test
    void oneHundredFiftyClientsDribblingHeadersDoNotDelayASignedCommandAndAreCutOffAtTheHeaderDeadline() throws Exception {
        start(SHORT);
        ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                Socket s = open();
                s.getOutputStream().write("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            // A byte every 100 ms to each: never idle long enough for an idle timeout to end them.
            dribble.scheduleWithFixedDelay(() -> slow.forEach(SlackHttpHardeningTest::writeOneByte), 0, 100, TimeUnit.MILLISECONDS);

            HttpResponse<String> ack = requests.post(command("example.com", "r1"));

            assertThat(ack.statusCode()).isEqualTo(200);
            slack.nextResponsePost();
            for (Socket s : slow) {
                assertThat(closedByServer(s)).as("a dribbling client is cut off").isTrue();
            }
        } finally {
            dribble.shutdownNow();
        }
    }

    @Test
    void aBodyThatNeverFinishesIsCutOffAtTheRequestDeadline() throws Exception {
        start(SHORT);
        Socket s = holdInFlight();

        assertThat(closedByServer(s)).isTrue();
        assertThat(handedToBolt()).isZero();
        awaitInFlight(0);
        assertThat(requests.post(command("example.com", "r1")).statusCode()).isEqualTo(200);
        slack.nextResponsePost();
    }

    @Test
    void aFullServerAnswers503AtOnceAndServesAgainWhenRequestsEnd() throws Exception {
        // Two requests in flight fill it; the request deadline is long so that only the test ends them.
        start(new BoundedHttpServer.Limits(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), 2, 1024, 16));
        Socket one = holdInFlight();
        Socket two = holdInFlight();
        awaitInFlight(2);

        HttpResponse<String> busy = requests.post(command("example.com", "r1"));

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThat(handedToBolt()).isZero();
        one.close();
        two.close();
        awaitInFlight(0);
        assertThat(requests.post(command("example.com", "r2")).statusCode()).isEqualTo(200);
        slack.nextResponsePost();
        assertThat(checks.requests()).hasSize(1);
    }

    @Test
    void slackBindSetsTheListenAddress() throws Exception {
        slack = new SlackStandIn();
        InetAddress bind = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, bind)) {
            port = probe.getLocalPort();
        }
        AdapterPlan plan = new SlackAdapterFactory().plan(Environment.of(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN,
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(), "SLACK_BIND", "127.0.0.2", "SLACK_PORT", Integer.toString(port))), router);
        adapter = (SlackAdapter) ((AdapterPlan.Ready) plan).adapter();
        adapter.start();

        HttpResponse<String> ack = new SignedRequests("127.0.0.2", port, SECRET).post(command("example.com", "r1"));

        assertThat(ack.statusCode()).isEqualTo(200);
        slack.nextResponsePost();
        assertThatThrownBy(() -> new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port).close())
                .isInstanceOf(ConnectException.class);
    }

    /** Complete, signed headers and a body that stops short of its declared length: a request in flight. */
    private Socket holdInFlight() throws Exception {
        long now = Instant.now().getEpochSecond();
        Socket s = open();
        String head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + SlackHttpEndpoint.TIMESTAMP_HEADER + ": " + now + "\r\n"
                + SlackHttpEndpoint.SIGNATURE_HEADER + ": " + SignedRequests.signature(SECRET, now, "x".repeat(500)) + "\r\n"
                + "Content-Length: 500\r\n\r\ncommand=%2Fcfcheck";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private void awaitInFlight(int n) throws InterruptedException {
        IntSupplier inFlight = () -> adapter.httpEndpoint().inFlight();
        for (int i = 0; i < 3000 && inFlight.getAsInt() != n; i++) {
            Thread.sleep(10);
        }
        assertThat(inFlight.getAsInt()).isEqualTo(n);
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), adapter.httpPort()), 10_000);
        // Only a guard so that a regression fails instead of hanging the build; the server cuts off far sooner.
        s.setSoTimeout(30_000);
        return s;
    }

    private static void writeOneByte(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('a');
            out.flush();
        } catch (IOException closed) {
            // Cut off by the server: what the test waits for.
        }
    }

    /** True once the server has closed the connection (end of stream or a reset) without answering. */
    private static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
