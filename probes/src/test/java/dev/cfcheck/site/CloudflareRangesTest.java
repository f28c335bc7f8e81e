package dev.cfcheck.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudflareRangesTest {

    @TempDir
    Path dir;

    @Test
    void bundledCopyMatchesTheReferenceLists() throws IOException {
        List<String> expected = Stream.concat(
                        Files.readAllLines(Path.of("src/main/resources/dev/cfcheck/site/ips-v4.txt")).stream(),
                        Files.readAllLines(Path.of("src/main/resources/dev/cfcheck/site/ips-v6.txt")).stream())
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .collect(Collectors.toList());
        assertThat(CloudflareRanges.bundled().cidrs()).extracting(Cidr::toString).containsExactlyElementsOf(expected);
        assertThat(expected).contains("173.245.48.0/20", "104.16.0.0/13", "2606:4700::/32", "2a06:98c0::/29");
    }

    @ParameterizedTest(name = "[{index}] {0} inside: {1}")
    @CsvSource({
            "104.16.132.229, true",
            "104.23.255.255, true",
            "104.27.255.255, true",
            "104.28.0.0, false",
            "172.67.1.1, true",
            "173.245.63.255, true",
            "173.245.64.0, false",
            "131.0.72.1, true",
            "8.8.8.8, false",
            "2606:4700:3033::6815:1, true",
            "2a06:98c7:ffff::1, true",
            "2a06:98c8::1, false",
            "2001:4860::8888, false",
    })
    void bundledRangesContain(String ip, boolean inside) {
        InetAddress address = (ip.contains(":") ? IpLiteral.parseIpv6(ip) : IpLiteral.parseDottedQuad(ip)).orElseThrow();
        assertThat(CloudflareRanges.bundled().contains(address)).isEqualTo(inside);
    }

    @Test
    void loadsAFileWithCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ranges.txt"), "# loopback plays the edge\n\n127.0.0.0/8  # v4\n::1/128\n");
        CloudflareRanges ranges = CloudflareRanges.load(file);
        assertThat(ranges.cidrs()).extracting(Cidr::toString).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(ranges.contains(IpLiteral.parseDottedQuad("127.0.0.1").orElseThrow())).isTrue();
        assertThat(ranges.contains(IpLiteral.parseDottedQuad("104.16.0.1").orElseThrow())).isFalse();
        assertThat(ranges.contains(IpLiteral.parseIpv6("::1").orElseThrow())).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/8\\nexample.com/24   | line 2: \"example.com/24\" is not a CIDR (not an IP address",
            "10.0.0.0/8\\n10.0.0.0         | line 2: \"10.0.0.0\" is not a CIDR (missing",
            "10.0.0.0/33                   | line 1: \"10.0.0.0/33\" is not a CIDR (prefix length 33 is over 32)",
            "10.0.0.1/8                    | line 1: \"10.0.0.1/8\" is not a CIDR (host bits are set after /8)",
            "2400:cb00::/x                 | line 1: \"2400:cb00::/x\" is not a CIDR (prefix length is not a number)",
            "# nothing here                | has no ranges",
    })
    void badFilesNameTheLine(String content, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), content.replace("\\n", "\n"));
        assertThatThrownBy(() -> CloudflareRanges.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Cloudflare ranges file \"bad.txt\"")
                .hasMessageContaining(expected);
    }

    @Test
    void missingFileIsACleanError() {
        assertThatThrownBy(() -> CloudflareRanges.load(dir.resolve("nope.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Cloudflare ranges file \"nope.txt\" does not exist");
    }

    @Test
    void endlessFileIsRefusedAfterOneMebibyte() {
        // A character device reports size 0 and never ends: the limit must hold on what is read.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "this system has /dev/zero");
        assertThatThrownBy(() -> CloudflareRanges.load(zero))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Cloudflare ranges file \"zero\" is over 1 MiB: not a CIDR list");
    }

    @Test
    void directoryIsACleanError() {
        assertThatThrownBy(() -> CloudflareRanges.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("is a directory");
    }

    @Test
    void cidrContainsRespectsPrefixBitsAndFamily() {
        Cidr cidr = Cidr.parse("198.18.0.0/15");
        assertThat(cidr.contains(IpLiteral.parseDottedQuad("198.19.255.255").orElseThrow())).isTrue();
        assertThat(cidr.contains(IpLiteral.parseDottedQuad("198.20.0.0").orElseThrow())).isFalse();
        assertThat(cidr.contains(IpLiteral.parseIpv6("::ffff:198.18.0.1").orElseThrow())).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiteral.parseDottedQuad("1.2.3.4").orElseThrow())).isTrue();
    }
}
