package dev.cfcheck.site;

import java.net.InetAddress;

/**
 * Decides whether cfcheck may connect to an address. It is asked about the resolved address that is then
 * used for the connection, at every redirect hop, so a name cannot be re-resolved to somewhere else.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Lets every address through: for --allow-private and for tests on loopback. */
    AddressPolicy ALLOW_ALL = address -> { };

    /**
     * @throws UnsafeAddressException when the address is not allowed; its message names the address class
     */
    void requireAllowed(InetAddress address);
}
