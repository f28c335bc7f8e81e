package dev.cfcheck.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.health.Readiness;
import dev.cfcheck.bot.router.RequestListener;
import dev.cfcheck.check.CheckService;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BotMetricsTest {

    private final CheckService checker = r -> CompletableFuture.completedFuture(SampleReports.healthy(r.target().host()));

    @Test
    void withoutThePortNothingIsWrappedAndNothingListens() throws IOException {
        try (BotMetrics metrics = BotMetrics.fromEnvironment(Map.<String, String>of()::get, Readiness.STARTING)) {
            assertThat(metrics.metered(checker)).isSameAs(checker);
            assertThat(metrics.requests()).isSameAs(RequestListener.NONE);
            assertThat(metrics.address()).isEmpty();
        }
    }

    @Test
    void whenOnTheJvmMetersAreServedBesideTheBotsOwn() throws Exception {
        try (BotMetrics metrics = BotMetrics.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Readiness.STARTING)) {
            assertThat(metrics.metered(checker)).isInstanceOf(MeteredCheckService.class);
            assertThat(metrics.requests()).isInstanceOf(RequestCounter.class);
            int port = metrics.address().orElseThrow().getPort();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads ")
                    .contains("jvm_gc_")
                    .contains("process_uptime_seconds ")
                    .contains("process_cpu_usage ")
                    .contains("cfcheck_requests_total{outcome=\"refused_rate_limit\",platform=\"slack\"} 0");
        }
    }

    @Test
    void aPortInUseIsNamedWithItsAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> BotMetrics.fromEnvironment(Map.of("CFCHECK_METRICS_PORT", port)::get, Readiness.STARTING))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("metrics cannot listen on 127.0.0.1:" + port + ": ")
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void closeStopsTheEndpoint() throws Exception {
        BotMetrics metrics = BotMetrics.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Readiness.STARTING);
        int port = metrics.address().orElseThrow().getPort();

        metrics.close();
        metrics.close();

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
    }
}
