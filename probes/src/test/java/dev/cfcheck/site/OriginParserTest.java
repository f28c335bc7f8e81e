package dev.cfcheck.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginParserTest {

    @Test
    void ipv4WithAndWithoutPort() {
        assertThat(OriginParser.parse("203.0.113.7").toString()).isEqualTo("203.0.113.7");
        OriginEndpoint e = OriginParser.parse(" 203.0.113.7:8443 ");
        assertThat(e.ip()).isEqualTo("203.0.113.7");
        assertThat(e.port()).isEqualTo(8443);
    }

    @Test
    void ipv6BareAndBracketed() {
        OriginEndpoint bare = OriginParser.parse("2001:DB8::0:1");
        assertThat(IpLiteral.format(bare.address())).isEqualTo("2001:db8::1");
        assertThat(bare.port()).isNull();
        OriginEndpoint bracketed = OriginParser.parse("[2001:db8::1]:443");
        assertThat(bracketed.address()).isEqualTo(bare.address());
        assertThat(bracketed.port()).isEqualTo(443);
        assertThat(bracketed.toString()).startsWith("[2001:db8:").endsWith("]:443");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''                       | empty origin",
            "origin.example.com       | not a name",
            "origin.example.com:443   | not a name",
            "localhost                | not a name",
            "10.0.0.1:0               | out of range",
            "10.0.0.1:65536           | out of range",
            "10.0.0.1:https           | invalid origin port",
            "10.0.0.1:                | invalid origin port",
            "010.0.0.1                | without leading zeros",
            "2130706433               | invalid IPv4",
            "10.0.0.256               | invalid IPv4",
            "[2001:db8::1             | missing",
            "[2001:db8::1]x           | unexpected text",
            "[not:v6]:443             | invalid IPv6",
            "fe80::1%eth0             | invalid IPv6",
            "1:2:3:4:5:6:7:8:9        | invalid IPv6",
    })
    void refusesNonIpOrigins(String input, String expected) {
        assertThatThrownBy(() -> OriginParser.parse(input))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aNamedOriginOnAPortCloudflareDoesNotProxyIsRefusedInOneLineNamingThePort() {
        assertThatThrownBy(() -> OriginParser.parse("104.16.132.229:6379", false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("origin 104.16.132.229:6379: port 6379 is not one Cloudflare proxies (80, 443,")
                .hasMessageNotContaining("\n");
        assertThat(OriginParser.parse("104.16.132.229:8443", false).port()).isEqualTo(8443);
        assertThat(OriginParser.parse("[2606:4700::6810:84e5]:2096", false).port()).isEqualTo(2096);
        assertThat(OriginParser.parse("104.16.132.229", false).port()).isNull();
    }

    @Test
    void aNamedOriginTheSafeTargetPolicyRefusesIsRefusedWhenParsed() {
        assertThatThrownBy(() -> OriginParser.parse("10.0.0.5", false))
                .isInstanceOf(BadInputException.class)
                .hasMessage("origin 10.0.0.5: refusing to connect to 10.0.0.5: private address"
                        + " (allowed only with --allow-private or allowPrivate: true in the config)");
        assertThatThrownBy(() -> OriginParser.parse("[::1]:443", false)).hasMessageContaining("loopback address");
    }

    @Test
    void withPrivateTargetsAllowedAndFromTheConfigAnyPortIsTaken() {
        assertThat(OriginParser.parse("127.0.0.1:6379", true).port()).isEqualTo(6379);
        assertThat(OriginParser.parse("203.0.113.7:6379").port()).isEqualTo(6379);
    }
}
