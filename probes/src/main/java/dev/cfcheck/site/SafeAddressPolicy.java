package dev.cfcheck.site;

import java.net.InetAddress;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The default safe-target policy: only {@link AddressClass#PUBLIC} addresses may be connected to, and on a
 * redirect hop or a named origin only the ports Cloudflare proxies HTTP and HTTPS on.
 * cfcheck runs inside a company network on behalf of anyone in a chat channel; without this a
 * {@code /cfcheck} could be pointed at the metadata service or an internal admin page (SSRF), or used to
 * scan the ports of a host ({@code origin=203.0.113.7:6379}).
 */
public final class SafeAddressPolicy implements AddressPolicy {

    /** The ports Cloudflare proxies HTTP (80, 8080, 8880, 2052, 2082, 2086, 2095) and HTTPS (443, 2053, 2083, 2087, 2096, 8443) on. */
    public static final Set<Integer> PROXIED_PORTS = Set.of(
            80, 443, 2052, 2053, 2082, 2083, 2086, 2087, 2095, 2096, 8080, 8443, 8880);
    /** The same ports as text, in order, for refusals. */
    static final String PROXIED_LIST = new TreeSet<>(PROXIED_PORTS).stream()
            .map(String::valueOf).collect(Collectors.joining(", "));

    /** The policy for a check: this one by default, {@link AddressPolicy#ALLOW_ALL} with --allow-private. */
    public static AddressPolicy forChecks(boolean allowPrivate) {
        return allowPrivate ? AddressPolicy.ALLOW_ALL : new SafeAddressPolicy();
    }

    @Override
    public void requireAllowed(InetAddress address) {
        AddressClass addressClass = AddressClass.of(address);
        if (addressClass.isPublic()) {
            return;
        }
        String via = AddressClass.embeddedIpv4(address)
                .map(v4 -> " (it carries IPv4 " + IpLiteral.format(v4) + ")")
                .orElse("");
        throw new UnsafeAddressException("refusing to connect to " + IpLiteral.format(address) + ": "
                + addressClass.description() + via + " (allowed only with --allow-private or allowPrivate: true in the config)");
    }

    @Override
    public void requirePortAllowed(int port) {
        if (!PROXIED_PORTS.contains(port)) {
            throw new UnsafeAddressException("port " + port + " is not one Cloudflare proxies (" + PROXIED_LIST
                    + "; other ports only with --allow-private or allowPrivate: true in the config)");
        }
    }
}
