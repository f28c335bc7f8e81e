package dev.cfcheck.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    private static Optional<MetricsSettings> from(Map<String, String> env) {
        return MetricsSettings.fromEnvironment(env::get);
    }

    @Test
    void withoutThePortMetricsAreOff() {
        assertThat(from(Map.of())).isEmpty();
        assertThat(from(Map.of("CFCHECK_METRICS_PORT", "  "))).isEmpty();
    }

    @Test
    void aPortAloneListensOnLoopbackNeverOnEveryInterface() {
        InetSocketAddress address = from(Map.of("CFCHECK_METRICS_PORT", " 9464 ")).orElseThrow().address();

        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isEqualTo(9464);
    }

    @Test
    void theBindAddressIsAnIpLiteralOfEitherFamily() {
        assertThat(from(Map.of("CFCHECK_METRICS_PORT", "9464", "CFCHECK_METRICS_BIND", "0.0.0.0")).orElseThrow()
                .address().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(from(Map.of("CFCHECK_METRICS_PORT", "9464", "CFCHECK_METRICS_BIND", "::1")).orElseThrow()
                .address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(from(Map.of("CFCHECK_METRICS_PORT", "9464", "CFCHECK_METRICS_BIND", "[::1]")).orElseThrow()
                .address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void aBadPortIsRefusedWithOneLineNamingTheVariable() {
        for (String bad : new String[] {"metrics", "0", "65536", "-1", "9464x", "94 64", "0x24e8", "123456"}) {
            assertThatThrownBy(() -> from(Map.of("CFCHECK_METRICS_PORT", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("CFCHECK_METRICS_PORT must be a port number from 1 to 65535, not '" + bad + "'");
        }
    }

    @Test
    void aValueWithControlCharactersCannotForgeASecondLine() {
        assertThatThrownBy(() -> from(Map.of("CFCHECK_METRICS_PORT", "94\ncfcheck bot: all good")))
                .hasMessage("CFCHECK_METRICS_PORT must be a port number from 1 to 65535, not '94 cfcheck bot: all good'");
    }

    @Test
    void aHostNameIsRefusedAsBindAddressSoThatNothingIsLookedUp() {
        assertThatThrownBy(() -> from(Map.of("CFCHECK_METRICS_PORT", "9464", "CFCHECK_METRICS_BIND", "localhost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CFCHECK_METRICS_BIND must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0, not 'localhost'");
        assertThatThrownBy(() -> from(Map.of("CFCHECK_METRICS_PORT", "9464", "CFCHECK_METRICS_BIND", "127.1")))
                .hasMessageStartingWith("CFCHECK_METRICS_BIND must be an IP address");
    }

    @Test
    void aBindAddressWithoutAPortIsAMistakeNotSilence() {
        assertThatThrownBy(() -> from(Map.of("CFCHECK_METRICS_BIND", "0.0.0.0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CFCHECK_METRICS_BIND is set but CFCHECK_METRICS_PORT is not: set the port to serve metrics");
    }
}
