package dev.cfcheck.site;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network such as {@code 173.245.48.0/20} or {@code 2400:cb00::/32}.
 *
 * @param network      the first address of the network (no host bits set)
 * @param prefixLength the number of leading bits that are fixed
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range 0-" + bits);
        }
    }

    /**
     * Parses "address/prefix"; the address must be a literal (never looked up) and must not have host
     * bits set, so that a typo such as 104.16.0.1/13 is caught rather than silently widened.
     *
     * @throws IllegalArgumentException naming what is wrong (without echoing the text)
     */
    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("missing \"/prefix\"");
        }
        String addressText = t.substring(0, slash);
        String prefixText = t.substring(slash + 1);
        Optional<InetAddress> address = addressText.indexOf(':') >= 0
                ? IpLiteral.parseIpv6(addressText)
                : IpLiteral.parseDottedQuad(addressText);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("not an IP address before \"/\"");
        }
        byte[] bytes = address.get().getAddress();
        if (!prefixText.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("prefix length is not a number");
        }
        int prefix = Integer.parseInt(prefixText);
        if (prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefix + " is over " + bytes.length * 8);
        }
        if (!hostBitsZero(bytes, prefix)) {
            throw new IllegalArgumentException("host bits are set after /" + prefix);
        }
        return new Cidr(address.get(), prefix);
    }

    /** True when {@code address} is in this network (never across IPv4/IPv6). */
    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] a = address.getAddress();
        if (a.length != net.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != net[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (net[full] & mask);
    }

    private static boolean hostBitsZero(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefixLength;
    }
}
