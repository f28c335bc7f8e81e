package dev.cfcheck.site;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of address an IP is, for the safe-target policy and for messages ("10.0.0.5 is a private
 * address"). Only {@link #PUBLIC} is safe to connect to by default.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20) are
 *       refused: they are never routed on the internet, so whatever answers there is someone's local network.</li>
 *   <li>IPv6 that carries an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
 *       64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) is classified by the IPv4 address inside it, so
 *       ::ffff:127.0.0.1 and 2002:7f00:1:: are loopback. A translator or relay could deliver them there.</li>
 *   <li>IPv6 outside the global unicast block 2000::/3 that no rule names is {@link #RESERVED}.</li>
 *   <li>Cloud metadata endpoints are named as such even though their ranges would already refuse them,
 *       because "metadata" is the message an operator needs to read.</li>
 * </ul>
 */
public enum AddressClass {
    PUBLIC("public address"),
    LOOPBACK("loopback address"),
    PRIVATE("private address"),
    LINK_LOCAL("link-local address"),
    CGNAT("carrier-grade NAT (shared) address"),
    MULTICAST("multicast address"),
    UNSPECIFIED("unspecified (\"this network\") address"),
    BROADCAST("broadcast address"),
    BENCHMARK("benchmarking address"),
    DOCUMENTATION("documentation address"),
    RESERVED("reserved address"),
    CLOUD_METADATA("cloud metadata address");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** Words for messages, e.g. "private address". */
    public String description() {
        return description;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }

    /** Classifies an address; first matching rule wins, so the specific ones come first. */
    public static AddressClass of(InetAddress address) {
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return of(embedded.get());
        }
        for (Map.Entry<Cidr, AddressClass> rule : address.getAddress().length == 4 ? Ranges.V4 : Ranges.V6) {
            if (rule.getKey().contains(address)) {
                return rule.getValue();
            }
        }
        if (address.getAddress().length == 16 && !Ranges.GLOBAL_UNICAST_V6.contains(address)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    /**
     * The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4, Teredo client), if any.
     * {@code ::} and {@code ::1} are not taken as IPv4-compatible: they are the IPv6 unspecified and loopback.
     */
    public static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return Optional.empty();
        }
        if (Ranges.MAPPED.contains(address) || Ranges.NAT64.contains(address)) {
            return Optional.of(v4(b[12], b[13], b[14], b[15]));
        }
        if (Ranges.COMPATIBLE.contains(address) && !Ranges.UNSPECIFIED_V6.contains(address)
                && !Ranges.LOOPBACK_V6.contains(address)) {
            return Optional.of(v4(b[12], b[13], b[14], b[15]));
        }
        if (Ranges.SIX_TO_FOUR.contains(address)) {
            return Optional.of(v4(b[2], b[3], b[4], b[5]));
        }
        if (Ranges.TEREDO.contains(address)) {
            // RFC 4380: the client's IPv4 address is stored inverted in the last 32 bits.
            return Optional.of(v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return Optional.empty();
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        return IpLiteral.fromBytes(new byte[] {a, b, c, d});
    }

    /** Rule tables, in a nested class so that they are built after the enum constants. */
    private static final class Ranges {
        static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
        static final Cidr COMPATIBLE = Cidr.parse("::/96");
        static final Cidr UNSPECIFIED_V6 = Cidr.parse("::/128");
        static final Cidr LOOPBACK_V6 = Cidr.parse("::1/128");
        static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
        static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
        static final Cidr TEREDO = Cidr.parse("2001::/32");
        static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

        static final List<Map.Entry<Cidr, AddressClass>> V4 = List.of(
                rule("169.254.169.254/32", CLOUD_METADATA), // AWS, GCP, Azure, OpenStack...
                rule("100.100.100.200/32", CLOUD_METADATA), // Alibaba Cloud
                rule("192.0.0.192/32", CLOUD_METADATA),     // Oracle Cloud
                rule("255.255.255.255/32", BROADCAST),
                rule("0.0.0.0/8", UNSPECIFIED),             // Linux connects 0.0.0.0 to the local host
                rule("10.0.0.0/8", PRIVATE),
                rule("172.16.0.0/12", PRIVATE),
                rule("192.168.0.0/16", PRIVATE),
                rule("100.64.0.0/10", CGNAT),
                rule("127.0.0.0/8", LOOPBACK),
                rule("169.254.0.0/16", LINK_LOCAL),
                rule("192.0.0.0/24", RESERVED),             // IETF protocol assignments
                rule("192.0.2.0/24", DOCUMENTATION),
                rule("198.51.100.0/24", DOCUMENTATION),
                rule("203.0.113.0/24", DOCUMENTATION),
                rule("192.88.99.0/24", RESERVED),           // deprecated 6to4 relay anycast
                rule("198.18.0.0/15", BENCHMARK),
                rule("224.0.0.0/4", MULTICAST),
                rule("240.0.0.0/4", RESERVED));

        static final List<Map.Entry<Cidr, AddressClass>> V6 = List.of(
                rule("fd00:ec2::254/128", CLOUD_METADATA),  // AWS IMDS over IPv6
                rule("::/128", UNSPECIFIED),
                rule("::1/128", LOOPBACK),
                rule("64:ff9b:1::/48", PRIVATE),            // local-use NAT64 (RFC 8215)
                rule("100::/64", RESERVED),                 // discard-only
                rule("2001:2::/48", BENCHMARK),
                rule("2001:db8::/32", DOCUMENTATION),
                rule("3fff::/20", DOCUMENTATION),
                rule("fc00::/7", PRIVATE),                  // unique local
                rule("fe80::/10", LINK_LOCAL),
                rule("fec0::/10", PRIVATE),                 // deprecated site-local
                rule("ff00::/8", MULTICAST));

        private static Map.Entry<Cidr, AddressClass> rule(String cidr, AddressClass addressClass) {
            return Map.entry(Cidr.parse(cidr), addressClass);
        }
    }
}
