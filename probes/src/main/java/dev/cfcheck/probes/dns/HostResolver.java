package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.Deadline;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to addresses within the check's deadline. The edge probe uses it for each new host a
 * redirect leads to; the addresses it returns are then checked against the safe-target policy and used as
 * they are (never resolved again).
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @return the addresses, IPv4 first; never empty
     * @throws UnknownHostException when the name does not resolve (or not before the deadline)
     */
    List<InetAddress> resolve(String host, Deadline deadline) throws UnknownHostException;
}
