package dev.cfcheck.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "2130706433, 127.0.0.1",
            "0x7f000001, 127.0.0.1",
            "0x7f.1, 127.0.0.1",
            "0177.0.0.1, 127.0.0.1",
            "0177.0.0.01, 127.0.0.1",
            "127.1, 127.0.0.1",
            "127.0.1, 127.0.0.1",
            "0X7F.0.0.1, 127.0.0.1",
            "10.0.0.1., 10.0.0.1",
            "0, 0.0.0.0",
            "4294967295, 255.255.255.255",
    })
    void ipv4InEverySpelling(String text, String expected) {
        assertThat(IpLiteral.parseIpv4AnySpelling(text).map(IpLiteral::format)).contains(expected);
        assertThat(IpLiteral.looksLikeIpv4(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x.0xg", "1..1", "", "1.2.3.256"})
    void invalidIpv4(String text) {
        assertThat(IpLiteral.parseIpv4AnySpelling(text)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "::, ::",
            "::1, ::1",
            "0:0:0:0:0:0:0:1, ::1",
            "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "fe80::, fe80::",
            "2606:4700:4700::1111, 2606:4700:4700::1111",
            "::ffff:127.0.0.1, ::ffff:127.0.0.1",
            "0:0:0:0:0:ffff:7f00:1, ::ffff:127.0.0.1",
            "64:ff9b::1.2.3.4, 64:ff9b::102:304",
            "2001:db8:0:0:0:0:0:10, 2001:db8::10",
            "2001:db8:0:0:0:0:0:0, 2001:db8::",
            "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
            "1:0:0:2:0:0:0:3, 1:0:0:2::3",
            "2001:db8:1:1:1:1:1:1, 2001:db8:1:1:1:1:1:1",
    })
    void ipv6ParsedAndFormattedPerRfc5952(String text, String expected) {
        assertThat(IpLiteral.parseIpv6(text).map(IpLiteral::format)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "::g", "fe80::1%eth0", ":1", "1:",
            "1:2:3:4:5:6:7", "::1.2.3", "::256.1.1.1"})
    void invalidIpv6(String text) {
        assertThat(IpLiteral.parseIpv6(text)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "0xample.com", "1e100.net", "a1.b2"})
    void namesDoNotLookLikeIpv4(String text) {
        assertThat(IpLiteral.looksLikeIpv4(text)).isFalse();
    }
}
