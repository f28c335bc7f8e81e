package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Origins and the resolver are IP literals with an optional port; anything else would need a DNS lookup. */
class AddressLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "203.0.113.11:8443", "127.0.0.53:53", " 10.0.0.1 ", "0.0.0.0",
            "2001:db8::1", "::1", "[2001:db8::1]", "[2001:db8::1]:443", "[::ffff:203.0.113.10]:80", "1.2.3.4:65535"})
    void ipLiteralWithOptionalPortIsAccepted(String text) {
        assertThatCode(() -> AddressLiteral.check(text)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "origin.example.com       | expected an IP address",
            "localhost                | expected an IP address",
            "1.2.3                    | not an IPv4 address",
            "1.2.3.4.5                | not an IPv4 address",
            "256.1.1.1                | not an IPv4 address",
            "01.2.3.4                 | no leading zeros",
            "0x7f.0.0.1               | expected an IP address",
            "2130706433               | not an IPv4 address",
            "1.2.3.4:0                | port must be 1-65535",
            "1.2.3.4:65536            | port must be 1-65535",
            "1.2.3.4:123456           | expected an IP address",
            "1.2.3.4:-1               | expected an IP address",
            "1.2.3.4:http             | expected an IP address",
            "[2001:db8::1]:0          | port must be 1-65535",
            "[2001:db8::1             | expected an IP address",
            "2001:db8:::1             | not an IPv6 address",
            "fe80::1%eth0             | expected an IP address",
            "[1.2.3.4]:80             | not an IPv6 address",
            "abc:def                  | expected an IP address",
            "abc::xyz                 | expected an IP address",
            "abc::def:1:2:3:4:5:6:7   | not an IPv6 address",
            "''                       | expected an IP address",
            "http://203.0.113.10/     | expected an IP address",
    })
    void anythingElseIsRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> AddressLiteral.check(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
