package dev.cfcheck.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TargetParserTest {

    @Test
    void bareHostnameIsLowerCasedWithoutTrailingDot() {
        Target t = TargetParser.parse("  WWW.Example.COM.  ", false);
        assertThat(t.host()).isEqualTo("www.example.com");
        assertThat(t.unicodeHost()).isEqualTo("www.example.com");
        assertThat(t.scheme()).isNull();
        assertThat(t.port()).isNull();
        assertThat(t.path()).isEqualTo("/");
        assertThat(t.input()).isEqualTo("WWW.Example.COM.");
    }

    @Test
    void urlKeepsSchemePortPathAndQueryButDropsFragment() {
        Target t = TargetParser.parse("HTTPS://example.com:443/shop/cart?id=1&x=%2F#top", false);
        assertThat(t.scheme()).isEqualTo("https");
        assertThat(t.host()).isEqualTo("example.com");
        assertThat(t.port()).isEqualTo(443);
        assertThat(t.path()).isEqualTo("/shop/cart?id=1&x=%2F");
        assertThat(t.displayUrl()).isEqualTo("https://example.com:443/shop/cart?id=1&x=%2F");
    }

    @Test
    void queryWithoutPathGetsSlash() {
        assertThat(TargetParser.parse("http://example.com?a=b", false).path()).isEqualTo("/?a=b");
        assertThat(TargetParser.parse("example.com/a/b", false).path()).isEqualTo("/a/b");
    }

    @Test
    void thePortsCloudflareProxiesAreTargetsWithoutAllowPrivate() {
        assertThat(TargetParser.parse("https://example.com:8443/admin", false).port()).isEqualTo(8443);
        assertThat(TargetParser.parse("http://example.com:2052/", false).port()).isEqualTo(2052);
        assertThat(TargetParser.parse("example.com:2096", false).port()).isEqualTo(2096);
    }

    @Test
    void hostAndPortWithoutScheme() {
        Target t = TargetParser.parse("example.com:80", false);
        assertThat(t.scheme()).isNull();
        assertThat(t.port()).isEqualTo(80);
    }

    @Test
    void nonAsciiPathIsPercentEncodedTheWayOkHttpSendsIt() {
        assertThat(TargetParser.parse("https://example.com/caf\u00e9", false).path()).isEqualTo("/caf%C3%A9");
    }

    /** UTS-46 non-transitional: ß is kept (IDNA2003's java.net.IDN would map it to "ss"). */
    @Test
    void idnUsesUts46NonTransitional() {
        Target fass = TargetParser.parse("fa\u00df.de", false);
        assertThat(fass.host()).isEqualTo("xn--fa-hia.de");
        assertThat(fass.unicodeHost()).isEqualTo("fa\u00df.de");

        Target buecher = TargetParser.parse("https://B\u00fccher.example/", false);
        assertThat(buecher.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(buecher.unicodeHost()).isEqualTo("b\u00fccher.example");
    }

    @Test
    void fullWidthLettersAndIdeographicDotsAreMapped() {
        assertThat(TargetParser.parse("\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25\u3002com", false).host())
                .isEqualTo("example.com");
    }

    @Test
    void punycodeInputIsShownInUnicode() {
        Target t = TargetParser.parse("xn--r8jz45g.xn--zckzah", false);
        assertThat(t.host()).isEqualTo("xn--r8jz45g.xn--zckzah");
        assertThat(t.unicodeHost()).isEqualTo("\u4f8b\u3048.\u30c6\u30b9\u30c8");
    }

    /** A typed punycode label is judged by what it decodes to, as if that had been typed. */
    @ParameterizedTest(name = "[{index}] refuses {0}")
    @CsvSource(delimiter = '|', value = {
            "xn--evilgnp-376c.example | U+202E",   // evil<RLO>gnp: a bidi override
            "xn--ab-88t.example       | U+2066",   // a<LRI>b: a bidi isolate
            "xn--example-1z6c.example | U+200B",   // ex<ZWSP>ample: a zero-width space
            "xn--abc-fda.example      | U+009B",   // ab<CSI>c: a C1 control
            "xn--space-tfa.example    | U+00A0",   // sp<NBSP>ace
            "xn--xample-hy68a.example | IDNA/UTS-46", // a full-width e: UTS-46 maps it, so this is no valid label
            "xn--abc-.example         | IDNA/UTS-46", // plain ASCII dressed as punycode
    })
    void punycodeLabelsDecodingToInvisibleControlOrUnmappedCharactersAreRefused(String input, String expected) {
        assertThatThrownBy(() -> TargetParser.parse(input, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertOneSafeLine(e.getMessage()));
    }

    @Test
    void validPunycodeLabelsStillDecode() {
        assertThat(TargetParser.parse("xn--bcher-kva.example", false).unicodeHost()).isEqualTo("b\u00fccher.example");
        assertThat(TargetParser.parse("XN--FA-HIA.de", false).unicodeHost()).isEqualTo("fa\u00df.de");
    }

    @Test
    void underscoreLabelsAndMaximumLengthsAreAccepted() {
        String label63 = "a".repeat(63);
        String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
        assertThat(name253).hasSize(253);
        assertThat(TargetParser.parse(name253, false).host()).isEqualTo(name253);
        assertThat(TargetParser.parse("_acme.example.com", false).host()).isEqualTo("_acme.example.com");
    }

    @Test
    void allowPrivateAcceptsIpLiteralsInTheirPlainForm() {
        assertThat(TargetParser.parse("http://127.0.0.1:8080/health", true))
                .isEqualTo(new Target("http://127.0.0.1:8080/health", "127.0.0.1", "127.0.0.1", "http", 8080, "/health"));
        assertThat(TargetParser.parse("0x7f.1", true).host()).isEqualTo("127.0.0.1");
        assertThat(TargetParser.parse("2130706433", true).host()).isEqualTo("127.0.0.1");
        assertThat(TargetParser.parse("0177.0.0.1", true).host()).isEqualTo("127.0.0.1");
        Target v6 = TargetParser.parse("https://[0:0:0:0:0:0:0:1]:8443/", true);
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.authority()).isEqualTo("[::1]:8443");
        assertThat(TargetParser.parse("::1", true).host()).isEqualTo("::1");
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                Arguments.of("", "empty target"),
                Arguments.of("   \t ", "empty target"),
                Arguments.of("https://user:pass@example.com/", "credentials"),
                Arguments.of("http://example.com@evil.example/", "credentials"),
                Arguments.of("user@example.com", "credentials"),
                Arguments.of("ftp://example.com/", "unsupported scheme \"ftp\""),
                Arguments.of("file:///etc/passwd", "unsupported scheme \"file\""),
                Arguments.of("javascript:alert(1)", "unsupported scheme \"javascript\""),
                Arguments.of("gopher://127.0.0.1:70/", "unsupported scheme"),
                Arguments.of("http:example.com", "must be followed by \"//\""),
                Arguments.of("127.0.0.1", "is an IP address (127.0.0.1)"),
                Arguments.of("2130706433", "is an IP address (127.0.0.1)"),
                Arguments.of("0x7f.1", "is an IP address (127.0.0.1)"),
                Arguments.of("0x7f000001", "is an IP address (127.0.0.1)"),
                Arguments.of("0177.0.0.1", "is an IP address (127.0.0.1)"),
                Arguments.of("127.1", "is an IP address (127.0.0.1)"),
                Arguments.of("017700000001", "is an IP address (127.0.0.1)"),
                Arguments.of("0x7f.0x0.0x0.0x1", "is an IP address (127.0.0.1)"),
                Arguments.of("https://127.0.0.1./", "is an IP address (127.0.0.1)"),
                Arguments.of("http://0/", "is an IP address (0.0.0.0)"),
                Arguments.of("http://169.254.169.254/latest/meta-data/", "is an IP address (169.254.169.254)"),
                Arguments.of("\uff11\uff12\uff17.\uff10.\uff10.\uff11", "is an IP address (127.0.0.1)"),
                Arguments.of("http://[::1]/", "is an IP address (::1)"),
                Arguments.of("http://[::ffff:127.0.0.1]/", "is an IP address (::ffff:127.0.0.1)"),
                Arguments.of("fd00:ec2::254", "is an IP address (fd00:ec2::254)"),
                Arguments.of("http://::1/", "must be in brackets"),
                Arguments.of("http://[fe80::1%25eth0]/", "not a valid IPv6 address"),
                Arguments.of("http://[::1/", "missing \"]\""),
                Arguments.of("1.2.3.999", "neither a hostname nor a valid IPv4 address"),
                Arguments.of("example.123", "neither a hostname nor a valid IPv4 address"),
                Arguments.of("http://%31%32%37.0.0.1/", "invalid character U+0025 in the hostname"),
                Arguments.of("http://example.com:8081/", "port 8081 is not allowed: not one Cloudflare proxies (80, 443, 2052"),
                Arguments.of("example.com:22", "port 22 is not allowed"),
                Arguments.of("example.com:0", "out of range"),
                Arguments.of("example.com:99999", "out of range"),
                Arguments.of("example.com:", "empty port"),
                Arguments.of("http://example.com:80a/", "invalid port"),
                Arguments.of("a".repeat(64) + ".com", "label of 64 octets"),
                Arguments.of(("a".repeat(60) + ".").repeat(4) + "abcdefghij", "octets long"),
                Arguments.of("a..example.com", "empty label"),
                Arguments.of(".example.com", "empty label"),
                Arguments.of("-bad.example.com", "invalid hostname label"),
                Arguments.of("bad-.example.com", "invalid hostname label"),
                Arguments.of("exa mple.com", "U+0020"),
                Arguments.of("example.com\r\nX-Injected: 1", "U+000D"),
                Arguments.of("exam\u0000ple.com", "U+0000"),
                Arguments.of("<script>alert(1)</script>", "U+003C"),
                Arguments.of("`rm -rf /`.example.com", "U+0060"),
                Arguments.of("http://good.example\\@evil.example/", "U+005C"),
                Arguments.of("example.com/\"onmouseover", "U+0022"),
                Arguments.of("ex\u202eample.com", "U+202E"),
                Arguments.of("ex\u200bample.com", "U+200B"),
                Arguments.of("exa\u00a0mple.com", "U+00A0"),
                Arguments.of("example.com;ls", "U+003B"),
                Arguments.of("exa*mple.com", "U+002A"),
                Arguments.of("xn--zz.example", "not a valid hostname"),
                Arguments.of("http:///example.com", "no hostname"),
                Arguments.of("http://", "no hostname"),
                Arguments.of("x".repeat(3000), "too long"));
    }

    @ParameterizedTest(name = "[{index}] refuses {1}")
    @MethodSource("hostileInputs")
    void refusesHostileInput(String input, String expectedMessagePart) {
        assertThatThrownBy(() -> TargetParser.parse(input, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(expectedMessagePart)
                .satisfies(e -> assertOneSafeLine(e.getMessage()));
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> TargetParser.parse(null, true)).hasMessageContaining("empty target");
    }

    @Test
    void allowPrivateStillRefusesBrokenInput() {
        assertThatThrownBy(() -> TargetParser.parse("https://u:p@127.0.0.1/", true)).hasMessageContaining("credentials");
        assertThatThrownBy(() -> TargetParser.parse("ftp://127.0.0.1/", true)).hasMessageContaining("scheme");
        assertThatThrownBy(() -> TargetParser.parse("127.0.0.1:70000", true)).hasMessageContaining("out of range");
    }

    @Test
    void longHostileInputIsNotEchoedInFull() {
        String hostile = "javascript" + "x".repeat(500) + ":alert(document.cookie)";
        assertThatThrownBy(() -> TargetParser.parse(hostile, false))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(160).doesNotContain("document.cookie"));
    }

    static void assertOneSafeLine(String message) {
        assertThat(message).isNotBlank().hasSizeLessThan(200);
        assertThat(message).doesNotContain("\n", "\r", "<", ">", "`", "\u0000", "\u202e");
    }
}
