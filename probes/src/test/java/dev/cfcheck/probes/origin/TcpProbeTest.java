package dev.cfcheck.probes.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.testing.ClosedPort;
import dev.cfcheck.testing.FullBacklogServer;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.SilentServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TcpProbeTest {
    private final TcpProbe probe = new TcpProbe();

    @Test
    void listeningPortIsConnected() throws Exception {
        try (SilentServer server = SilentServer.start()) {
            PortCheck check = probe.connect(server.address(), server.port(), Deadline.after(Duration.ofSeconds(5)));

            assertThat(check.port()).isEqualTo(server.port());
            assertThat(check.state()).isEqualTo(TcpState.CONNECTED);
            assertThat(check.detail()).isNull();
            assertThat(server.awaitConnections(1, 5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closedPortIsRefused() {
        int port = ClosedPort.find();

        PortCheck check = probe.connect(Loopback.ADDRESS, port, Deadline.after(Duration.ofSeconds(5)));

        assertThat(check.state()).isEqualTo(TcpState.REFUSED);
        assertThat(check.port()).isEqualTo(port);
        assertThat(check.detail()).containsIgnoringCase("refused");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // guards against a connect outliving its deadline
    void droppedSynTimesOutAtTheDeadline() {
        FullBacklogServer server;
        try {
            server = FullBacklogServer.start();
        } catch (IllegalStateException e) {
            assumeTrue(false, "this kernel does not drop SYNs to a full accept queue: " + e.getMessage());
            return;
        }
        try (server) {
            PortCheck check = probe.connect(server.address(), server.port(), Deadline.after(Duration.ofMillis(500)));

            assertThat(check.state()).isEqualTo(TcpState.TIMEOUT);
            assertThat(check.detail()).contains("no answer");
        }
    }

    @Test
    void expiredDeadlineIsNotTried() throws Exception {
        try (SilentServer server = SilentServer.start()) {
            PortCheck check = probe.connect(server.address(), server.port(), Deadline.after(Duration.ZERO));

            assertThat(check.state()).isEqualTo(TcpState.TIMEOUT);
            assertThat(check.detail()).contains("deadline");
            assertThat(server.awaitConnections(1, 200, TimeUnit.MILLISECONDS)).isFalse();
        }
    }
}
