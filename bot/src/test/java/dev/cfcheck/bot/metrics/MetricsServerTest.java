package dev.cfcheck.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.TestInputs;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Readiness.Status status = Readiness.Status.ready("console");
    private final Readiness readiness = () -> status;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getMetricsServesThePrometheusTextFormatWithTheChecksDone() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness);
        new MeteredCheckService(r -> CompletableFuture.completedFuture(SampleReports.originTimeout(r.target().host())), registry)
                .checkAndWait(CheckRequestFactory.withTimeout(Duration.ofSeconds(10))
                        .create(TestInputs.TARGETS.validate("shop.example.com"), List.of(), false));

        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE cfcheck_check_duration_seconds histogram")
                .contains("cfcheck_check_duration_seconds_count{cached=\"false\",kind=\"ORIGIN_TIMEOUT\",severity=\"critical\"} 1")
                .contains("cfcheck_check_duration_seconds_bucket{cached=\"false\",kind=\"ORIGIN_TIMEOUT\",severity=\"critical\",le=\"10.0\"} 1")
                .contains("cfcheck_verdicts_total{cached=\"false\",severity=\"critical\"} 1")
                .contains("cfcheck_verdicts_total{cached=\"true\",severity=\"critical\"} 0")
                .contains("cfcheck_checks_in_flight 0");
    }

    @Test
    void aQueryStringIsIgnoredAsPrometheusMayAddOne() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness);
        registry.counter("cfcheck.requests", "platform", "slack", "outcome", "answered").increment();

        HttpResponse<String> response = send("GET", "/metrics?name[]=cfcheck_requests_total");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("cfcheck_requests_total{outcome=\"answered\",platform=\"slack\"} 1");
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness);

        for (String path : List.of("/", "/metrics/", "/metricsx", "/slack/events", "/../metrics", "/readyz/", "/health")) {
            HttpResponse<String> response = send("GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("# TYPE");
        }
        for (String method : List.of("POST", "PUT", "DELETE", "HEAD")) {
            for (String path : List.of("/metrics", "/healthz", "/readyz")) {
                HttpResponse<String> response = send(method, path);
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET");
            }
        }
    }

    @Test
    void healthzSaysAliveAndReadyzFollowsTheReadinessWith503WhenNotReady() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness);

        HttpResponse<String> alive = send("GET", "/healthz");
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(alive.body()).isEqualTo("alive\n");
        assertThat(alive.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> ready = send("GET", "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready: console\n");

        status = Readiness.Status.notReady("discord not connected");
        HttpResponse<String> notReady = send("GET", "/readyz?verbose");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("not ready: discord not connected\n");
        assertThat(send("GET", "/healthz").statusCode()).as("alive all the same").isEqualTo(200);
    }

    @Test
    void aReadinessThatFailsIsNotReadyRatherThanAnError() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, () -> {
            throw new IllegalStateException("adapter list changed under us");
        });

        HttpResponse<String> response = send("GET", "/readyz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("not ready: readiness unknown\n");
    }

    @Test
    void aClientThatStallsMidRequestIsCutOffAtTheDeadlineAndScrapesGoOn() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness, Duration.ofMillis(200));

        try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            // Generous guard so that a broken deadline fails the test instead of hanging it.
            stalled.setSoTimeout(30_000);
            OutputStream out = stalled.getOutputStream();
            out.write("GET /metr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stalled.getInputStream();

            // The server closes the connection without an answer: end of stream (or a reset).
            assertThat(readToEnd(in)).isEmpty();
        }
        assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void closeStopsListening() throws Exception {
        server = MetricsServer.start(LOOPBACK_ANY_PORT, registry, readiness);
        int port = server.address().getPort();
        assertThat(send("GET", "/metrics").statusCode()).isEqualTo(200);

        server.close();
        server = null;

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }
}
