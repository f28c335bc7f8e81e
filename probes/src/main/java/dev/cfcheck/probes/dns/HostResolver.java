package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.Deadline;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves a host name to the addresses to connect to, through the resolver the check was configured
 * with. The edge probe uses it for each redirect hop (then checks every address against the safe-target
 * policy and connects to exactly those: nothing is resolved twice).
 */
public interface HostResolver {

    /**
     * A and AAAA records at the end of the CNAME chain, IPv4 first. An IP literal comes back as itself.
     *
     * @throws DnsLookupException when there is no address; {@link DnsLookupException#status()} says why
     */
    List<InetAddress> resolveAddresses(String host, Deadline deadline) throws DnsLookupException;
}
