package dev.cfcheck.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code IP[:PORT]} spellings of origins and the resolver: {@code 203.0.113.10},
 * {@code 203.0.113.11:8443}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}. Only literals: a name here would
 * need a DNS lookup the operator did not ask for, and a port must be 1-65535.
 */
final class AddressLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_PORT = Pattern.compile("([0-9.]+)(?::(\\d{1,5}))?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]+)\\](?::(\\d{1,5}))?");
    private static final Pattern BARE_IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final String NOT_IPV4 = "not an IPv4 address (four numbers 0-255, no leading zeros)";
    private static final String EXPECTED =
            "expected an IP address with an optional port, as in 203.0.113.10, 203.0.113.10:8443 or [2001:db8::1]:443";

    private AddressLiteral() {
    }

    /**
     * @throws IllegalArgumentException with a one-line reason when the text is not an IP literal with an
     *                                  optional port 1-65535
     */
    static void check(String text) {
        String t = text.trim();
        Matcher bracketed = BRACKETED.matcher(t);
        if (bracketed.matches()) {
            checkIpv6(bracketed.group(1));
            checkPort(bracketed.group(2));
            return;
        }
        if (BARE_IPV6.matcher(t).matches()) {
            checkIpv6(t);
            return;
        }
        Matcher v4 = IPV4_PORT.matcher(t);
        if (!v4.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        checkIpv4(v4.group(1));
        checkPort(v4.group(2));
    }

    private static void checkIpv4(String address) {
        Matcher m = IPV4.matcher(address);
        if (!m.matches()) {
            throw new IllegalArgumentException(NOT_IPV4);
        }
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            // Leading zeros read as octal in some tools (010 = 8): refuse rather than guess.
            if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                throw new IllegalArgumentException(NOT_IPV4);
            }
        }
    }

    private static void checkIpv6(String address) {
        try {
            // The brackets make the JDK treat it as a literal only: never a DNS lookup.
            InetAddress.getByName("[" + address + "]");
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
    }

    private static void checkPort(String port) {
        if (port == null) {
            return;
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
    }
}
