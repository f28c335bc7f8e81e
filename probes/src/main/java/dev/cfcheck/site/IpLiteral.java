package dev.cfcheck.site;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed by hand so that no text ever reaches {@code InetAddress.getByName} (which
 * falls back to a DNS lookup for anything it does not recognise), and formatted the RFC 5952 way.
 */
public final class IpLiteral {

    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern HEX_NUMBER = Pattern.compile("0[xX][0-9A-Fa-f]*");

    private IpLiteral() {
    }

    /**
     * The unambiguous IPv4 form: four decimal parts 0-255 without leading zeros ("010.0.0.1" is refused:
     * some parsers read it as octal 8, others as decimal 10).
     */
    public static Optional<InetAddress> parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!DECIMAL_OCTET.matcher(parts[i]).matches()) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(fromBytes(bytes));
    }

    /**
     * An address written the way this code writes them ({@link #format}, DNS answers, a target host): a
     * dotted quad, or IPv6 with or without brackets. Empty for anything else, names included: never a lookup.
     */
    public static Optional<InetAddress> parse(String text) {
        String t = text.length() > 1 && text.startsWith("[") && text.endsWith("]")
                ? text.substring(1, text.length() - 1) : text;
        return t.indexOf(':') >= 0 ? parseIpv6(t) : parseDottedQuad(t);
    }

    /**
     * True when a host name would be taken for an IPv4 address by a URL parser (WHATWG "ends in a number")
     * or by inet_aton(3): its last label is all digits or a 0x hex number. Such a name is never a DNS name
     * we may look up; it is either an IPv4 address in some spelling or invalid.
     */
    public static boolean looksLikeIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && (DIGITS.matcher(last).matches() || HEX_NUMBER.matcher(last).matches());
    }

    /**
     * IPv4 in every spelling inet_aton(3) and browsers accept: one to four parts, each decimal, octal
     * (leading 0) or hex (0x), the last part filling the remaining bytes. So "2130706433", "0x7f.1",
     * "0177.0.0.1" and "127.1" are all 127.0.0.1.
     */
    public static Optional<InetAddress> parseIpv4AnySpelling(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        String[] parts = t.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        BigInteger[] values = new BigInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            BigInteger v = parseNumber(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        BigInteger byteMax = BigInteger.valueOf(255);
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i].compareTo(byteMax) > 0) {
                return Optional.empty();
            }
        }
        int lastBytes = 5 - values.length;
        BigInteger last = values[values.length - 1];
        if (last.bitLength() > lastBytes * 8) {
            return Optional.empty();
        }
        long ip = last.longValue();
        for (int i = 0; i < values.length - 1; i++) {
            ip |= values[i].longValue() << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        return Optional.of(fromBytes(bytes));
    }

    private static BigInteger parseNumber(String part) {
        if (part.isEmpty() || part.length() > 64) {
            return null;
        }
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                String hex = part.substring(2);
                return hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return new BigInteger(part.substring(1), 8);
            }
            return DIGITS.matcher(part).matches() ? new BigInteger(part, 10) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An IPv6 address without brackets and without a zone ("%eth0"), optionally ending in a dotted quad
     * ("::ffff:127.0.0.1"). Always an {@link Inet6Address}: unlike {@code InetAddress.getByAddress}, an
     * IPv4-mapped address is not turned into IPv4, so that what was written is what gets classified.
     */
    public static Optional<InetAddress> parseIpv6(String text) {
        if (text.isEmpty() || text.length() > 45 || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = doubleColon >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >>> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            int g = 8 - tailGroups.length + i;
            bytes[2 * g] = (byte) (tailGroups[i] >>> 8);
            bytes[2 * g + 1] = (byte) tailGroups[i];
        }
        try {
            return Optional.of(Inet6Address.getByAddress(null, bytes, -1));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 16-bit groups of one side of "::"; a trailing dotted quad counts as two groups when allowed. */
    private static int[] groups(String side, boolean mayEndInIpv4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int extra = 0;
        InetAddress v4 = null;
        String lastPart = parts[parts.length - 1];
        if (mayEndInIpv4 && lastPart.indexOf('.') >= 0) {
            v4 = parseDottedQuad(lastPart).orElse(null);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        int[] out = new int[parts.length + extra];
        int n = v4 == null ? parts.length : parts.length - 1;
        for (int i = 0; i < n; i++) {
            if (!HEX_GROUP.matcher(parts[i]).matches()) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i], 16);
        }
        if (v4 != null) {
            byte[] b = v4.getAddress();
            out[n] = (b[0] & 0xff) << 8 | (b[1] & 0xff);
            out[n + 1] = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        }
        return out;
    }

    /**
     * "192.0.2.1", or IPv6 per RFC 5952: lower case, the longest run of zero groups as "::", no zone, and
     * IPv4-mapped addresses as "::ffff:192.0.2.1".
     */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        if (isIpv4Mapped(b)) {
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** "ip:port", with IPv6 in brackets. */
    public static String withPort(InetAddress address, int port) {
        String ip = format(address);
        return (address instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + port;
    }

    static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            // Only thrown for an array that is neither 4 nor 16 bytes long.
            throw new IllegalStateException(e);
        }
    }
}
