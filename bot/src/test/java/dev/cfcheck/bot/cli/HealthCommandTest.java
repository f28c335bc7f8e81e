package dev.cfcheck.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.metrics.MetricsServer;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.SilentServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code cfcheck health} against a real operator port on loopback: one line, exit 0 or 1, never 2 (Docker's). */
class HealthCommandTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Readiness.Status status = Readiness.Status.ready("slack, discord");
    private MetricsServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    private int startServer(String bind) throws Exception {
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getByName(bind), 0), registry, () -> status);
        return server.address().getPort();
    }

    private int health(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new HealthCommand(env::get));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Map<String, String> port(int port) {
        return Map.of("CFCHECK_METRICS_PORT", Integer.toString(port));
    }

    @Test
    void aReadyBotIsExitZeroWithItsAdaptersNamed() throws Exception {
        int port = startServer("127.0.0.1");

        assertThat(health(port(port))).isZero();
        assertThat(out.toString()).isEqualTo("ready: slack, discord\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBotNotReadyIsExitOneNamingTheAdapterButStillAliveWithLive() throws Exception {
        int port = startServer("127.0.0.1");
        status = Readiness.Status.notReady("discord not connected");

        assertThat(health(port(port))).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("not ready: discord not connected\n");

        out.getBuffer().setLength(0);
        assertThat(health(port(port), "--live")).isZero();
        assertThat(out.toString()).isEqualTo("alive\n");
    }

    @Test
    void aPortBoundToEveryInterfaceIsAskedOnLoopback() throws Exception {
        int port = startServer("0.0.0.0");
        Map<String, String> env = new HashMap<>(port(port));
        env.put("CFCHECK_METRICS_BIND", "0.0.0.0");

        assertThat(health(env)).isZero();
        assertThat(out.toString()).isEqualTo("ready: slack, discord\n");
    }

    @Test
    void theAnswerIsPrintedAsOneSafeLine() throws Exception {
        int port = startServer("127.0.0.1");
        status = Readiness.Status.notReady("discord \u202enot\u200b connected\u0007\r\nforged: ready");

        assertThat(health(port(port))).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("not ready: discord not connected\n");
    }

    @Test
    void nothingListeningIsExitOneWithOneLineNamingTheAddress() {
        int closed = ClosedPort.find();

        assertThat(health(port(closed))).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("cfcheck health: cannot reach http://127.0.0.1:" + closed + "/readyz: ")
                .contains("refused").hasLineCount(1);
    }

    @Test
    void aPortThatNeverAnswersIsCutOffAtTheTimeout() {
        try (SilentServer silent = SilentServer.start()) {
            assertThat(health(port(silent.port()), "--timeout", "0.3")).isEqualTo(1);
            assertThat(err.toString()).startsWith("cfcheck health: cannot reach http://127.0.0.1:" + silent.port() + "/readyz: ")
                    .contains("timed out").hasLineCount(1);
        }
    }

    @Test
    void somethingElseOnThePortIsExitOneNamingItsStatus() {
        try (PlainHttpServer other = PlainHttpServer.start(500)) {
            assertThat(health(port(other.port()))).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("cfcheck health: http://127.0.0.1:" + other.port() + "/readyz answered HTTP 500\n");
        }
    }

    @Test
    void noOperatorPortOrABadOneIsExitOneNotTwo() {
        assertThat(health(Map.of())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "cfcheck health: CFCHECK_METRICS_PORT is not set: the bot serves /readyz only on its operator port\n");

        err.getBuffer().setLength(0);
        assertThat(health(Map.of("CFCHECK_METRICS_PORT", "ninety"))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "cfcheck health: CFCHECK_METRICS_PORT must be a port number from 1 to 65535, not 'ninety'\n");

        err.getBuffer().setLength(0);
        assertThat(health(port(9464), "--timeout", "0")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("cfcheck health: --timeout must be more than 0 and at most 60 seconds\n");
    }
}
