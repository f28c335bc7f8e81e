package dev.cfcheck.site;

import java.net.InetAddress;

/**
 * The default safe-target policy: only {@link AddressClass#PUBLIC} addresses may be connected to.
 * cfcheck runs inside a company network on behalf of anyone in a chat channel; without this a
 * {@code /cfcheck} could be pointed at the metadata service or an internal admin page (SSRF).
 */
public final class SafeAddressPolicy implements AddressPolicy {

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
}
