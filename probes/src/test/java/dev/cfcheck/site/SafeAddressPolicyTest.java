package dev.cfcheck.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeAddressPolicyTest {

    private final AddressPolicy policy = new SafeAddressPolicy();

    @ParameterizedTest(name = "[{index}] {0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.5, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "169.254.1.1, LINK_LOCAL",
            "169.254.169.254, CLOUD_METADATA",
            "100.100.100.200, CLOUD_METADATA",
            "192.0.0.192, CLOUD_METADATA",
            "fd00:ec2::254, CLOUD_METADATA",
            "100.64.0.1, CGNAT",
            "100.127.255.255, CGNAT",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "255.255.255.255, BROADCAST",
            "198.18.0.1, BENCHMARK",
            "198.19.255.255, BENCHMARK",
            "240.0.0.1, RESERVED",
            "192.0.0.8, RESERVED",
            "192.0.2.10, DOCUMENTATION",
            "198.51.100.10, DOCUMENTATION",
            "203.0.113.10, DOCUMENTATION",
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "2001:db8::1, DOCUMENTATION",
            "2001:2::1, BENCHMARK",
            "100::1, RESERVED",
            "::ffff:10.0.0.1, PRIVATE",
            "::127.0.0.1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
            "64:ff9b:1::1, PRIVATE",
            "2002:7f00:1::1, LOOPBACK",
            "2002:c0a8:101::1, PRIVATE",
            "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK",
            "4000::1, RESERVED",
            // Public ones, some just outside the ranges above
            "8.8.8.8, PUBLIC",
            "104.16.0.1, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "198.20.0.1, PUBLIC",
            "2606:4700::1111, PUBLIC",
            "64:ff9b::808:808, PUBLIC",
            "2002:808:808::1, PUBLIC",
    })
    void classifies(String ip, AddressClass expected) {
        assertThat(AddressClass.of(literal(ip))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] refuses {0}")
    @ValueSource(strings = {"127.0.0.1", "10.0.0.5", "169.254.169.254", "100.64.1.1", "0.0.0.0", "::1",
            "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "2002:a00:1::", "224.0.0.251", "255.255.255.255"})
    void refusesUnsafeAddresses(String ip) {
        assertThatThrownBy(() -> policy.requireAllowed(literal(ip)))
                .isInstanceOf(UnsafeAddressException.class)
                .hasMessageStartingWith("refusing to connect to ")
                .hasMessageEndingWith("(allowed only with --allow-private or allowPrivate: true in the config)");
    }

    @Test
    void messageNamesTheAddressAndItsClass() {
        assertThatThrownBy(() -> policy.requireAllowed(literal("10.0.0.5")))
                .hasMessage("refusing to connect to 10.0.0.5: private address (allowed only with --allow-private or allowPrivate: true in the config)");
        assertThatThrownBy(() -> policy.requireAllowed(literal("169.254.169.254")))
                .hasMessageContaining("169.254.169.254: cloud metadata address");
    }

    /** The JDK turns ::ffff:a.b.c.d into an Inet4Address; a real Inet6Address must be caught too. */
    @Test
    void ipv4MappedInet6AddressIsClassifiedByItsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThatThrownBy(() -> policy.requireAllowed(address))
                .hasMessage("refusing to connect to ::ffff:127.0.0.1: loopback address (it carries IPv4 127.0.0.1)"
                        + " (allowed only with --allow-private or allowPrivate: true in the config)");
    }

    @Test
    void sixToFourAddressNamesTheIpv4ItCarries() {
        assertThatThrownBy(() -> policy.requireAllowed(literal("2002:a9fe:a9fe::1")))
                .hasMessage("refusing to connect to 2002:a9fe:a9fe::1: cloud metadata address"
                        + " (it carries IPv4 169.254.169.254) (allowed only with --allow-private or allowPrivate: true in the config)");
    }

    @ParameterizedTest(name = "[{index}] allows {0}")
    @ValueSource(strings = {"1.1.1.1", "104.16.132.229", "2606:4700:4700::1111", "2a00:1450:4001::200e"})
    void allowsPublicAddresses(String ip) {
        assertThatCode(() -> policy.requireAllowed(literal(ip))).doesNotThrowAnyException();
    }

    @Test
    void allowPrivateLetsEverythingThrough() {
        assertThatCode(() -> SafeAddressPolicy.forChecks(true).requireAllowed(literal("127.0.0.1")))
                .doesNotThrowAnyException();
        assertThat(SafeAddressPolicy.forChecks(false)).isInstanceOf(SafeAddressPolicy.class);
    }

    @ParameterizedTest(name = "[{index}] allows port {0}")
    @ValueSource(ints = {80, 443, 2052, 2053, 2082, 2083, 2086, 2087, 2095, 2096, 8080, 8443, 8880})
    void allowsThePortsCloudflareProxies(int port) {
        assertThatCode(() -> policy.requirePortAllowed(port)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{index}] refuses port {0}")
    @ValueSource(ints = {1, 22, 25, 6379, 8081, 8444, 9200, 65535})
    void refusesEveryOtherPortInOneLineNamingIt(int port) {
        assertThatThrownBy(() -> policy.requirePortAllowed(port))
                .isInstanceOf(UnsafeAddressException.class)
                .hasMessage("port " + port + " is not one Cloudflare proxies (80, 443, 2052, 2053, 2082, 2083, 2086, 2087,"
                        + " 2095, 2096, 8080, 8443, 8880; other ports only with --allow-private or allowPrivate: true in the config)");
    }

    @Test
    void allowPrivateLetsEveryPortThrough() {
        assertThatCode(() -> SafeAddressPolicy.forChecks(true).requirePortAllowed(6379)).doesNotThrowAnyException();
    }

    private static InetAddress literal(String ip) {
        return (ip.indexOf(':') >= 0 ? IpLiteral.parseIpv6(ip) : IpLiteral.parseDottedQuad(ip)).orElseThrow();
    }
}
