package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.cli.HealthCommand;
import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code cfcheck bot} with CFCHECK_METRICS_PORT: served while the bot runs, refused when bad, gone when it ends. */
class BotCommandMetricsTest {

    private final ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    private final AtomicBoolean resourcesClosed = new AtomicBoolean();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BotCommand command(Map<String, String> env, InputStream stdin) {
        BotWiring wiring = config -> new BotParts(checks, TestInputs.TARGETS, TestInputs.ORIGINS,
                CheckRequestFactory.withTimeout(Duration.ofSeconds(10)), RouterSettings.DEFAULTS, () -> resourcesClosed.set(true));
        return new BotCommand(wiring, Environment.of(env), stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), List.of(), false);
    }

    @Test
    void aBadPortIsOneLineAndExitTwoBeforeAnyCheck() {
        int status = new CommandLine(command(Map.of("CFCHECK_METRICS_PORT", "ninety"),
                new ByteArrayInputStream("/cfcheck example.com\n".getBytes(StandardCharsets.UTF_8)))).execute();

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cfcheck bot: CFCHECK_METRICS_PORT must be a port number from 1 to 65535, not 'ninety'\n");
        assertThat(checks.requests()).isEmpty();
        assertThat(resourcesClosed).isTrue();
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int status = new CommandLine(command(Map.of("CFCHECK_METRICS_PORT", Integer.toString(taken.getLocalPort())),
                    new ByteArrayInputStream(new byte[0]))).execute();

            assertThat(status).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("cfcheck bot: metrics cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasLineCount(1);
        }
    }

    @Test
    void theBotServesMetricsWhileItRunsAndStopsServingWhenItEnds() throws Exception {
        int port = freeLoopbackPort();
        HeldInput stdin = new HeldInput("/cfcheck example.com\n");
        CompletableFuture<Integer> bot = CompletableFuture.supplyAsync(
                () -> new CommandLine(command(Map.of("CFCHECK_METRICS_PORT", Integer.toString(port)), stdin)).execute());

        // The console asks for its next line only once the first card is printed.
        stdin.awaitSecondRead();
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        stdin.end();

        assertThat(bot.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("✖ 522");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("cfcheck_check_duration_seconds_count{cached=\"false\",kind=\"ORIGIN_TIMEOUT\",severity=\"critical\"} 1")
                .contains("cfcheck_requests_total{outcome=\"answered\",platform=\"console\"} 1");
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void cfcheckHealthAsksTheRunningBotAndFailsOnceItHasEnded() throws Exception {
        int port = freeLoopbackPort();
        Map<String, String> env = Map.of("CFCHECK_METRICS_PORT", Integer.toString(port));
        HeldInput stdin = new HeldInput("/cfcheck example.com\n");
        CompletableFuture<Integer> bot = CompletableFuture.supplyAsync(() -> new CommandLine(command(env, stdin)).execute());
        stdin.awaitSecondRead();

        StringWriter answer = new StringWriter();
        int ready = health(env, answer);
        // The console reads on its own thread: the runtime may not have said "all started" quite yet.
        for (int i = 0; i < 100 && answer.toString().equals("not ready: starting\n"); i++) {
            answer.getBuffer().setLength(0);
            Thread.sleep(50);
            ready = health(env, answer);
        }
        assertThat(ready).isZero();
        assertThat(answer.toString()).isEqualTo("ready: console\n");

        stdin.end();
        assertThat(bot.get(60, TimeUnit.SECONDS)).isZero();
        StringWriter gone = new StringWriter();
        assertThat(health(env, gone)).isEqualTo(1);
        assertThat(gone.toString()).startsWith("cfcheck health: cannot reach http://127.0.0.1:" + port + "/readyz: ");
    }

    /** {@code cfcheck health} with this environment; what it prints (out and err) goes to {@code printed}. */
    private static int health(Map<String, String> env, StringWriter printed) {
        CommandLine cli = new CommandLine(new HealthCommand(env::get));
        PrintWriter writer = new PrintWriter(printed, true);
        cli.setOut(writer);
        cli.setErr(writer);
        return cli.execute();
    }

    /** A port that was free a moment ago: the bot takes a fixed port, as a scrape target needs. */
    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }

    /** Standard input that gives one line, then holds the next read until the test ends it. */
    private static final class HeldInput extends InputStream {
        private final byte[] first;
        private int position;
        private final CountDownLatch secondRead = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);

        HeldInput(String line) {
            this.first = line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position < first.length) {
                int n = Math.min(len, first.length - position);
                System.arraycopy(first, position, b, off, n);
                position += n;
                return n;
            }
            secondRead.countDown();
            try {
                if (!ended.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("test never ended the input");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
            return -1;
        }

        void awaitSecondRead() throws InterruptedException {
            if (!secondRead.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the console never asked for a second line");
            }
        }

        void end() {
            ended.countDown();
        }
    }
}
