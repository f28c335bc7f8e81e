package dev.cfcheck.site;

import java.net.InetAddress;

/**
 * Decides whether cfcheck may connect to an address, and to which ports. It is asked about the resolved address
 * that is then used for the connection, at every redirect hop, so a name cannot be re-resolved to somewhere else;
 * and about the port of every redirect hop and of every origin a user names, so cfcheck cannot be made a port
 * scanner.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Lets every address through: for --allow-private and for tests on loopback. */
    AddressPolicy ALLOW_ALL = address -> { };

    /**
     * @throws UnsafeAddressException when the address is not allowed; its message names the address class
     */
    void requireAllowed(InetAddress address);

    /**
     * Whether a port may be connected to where the user did not choose it through the target (a redirect hop) or
     * named it in chat (an origin). Every port by default: only the safe-target policy limits them.
     *
     * @throws UnsafeAddressException when the port is not allowed; its message names the port
     */
    default void requirePortAllowed(int port) {
    }
}
