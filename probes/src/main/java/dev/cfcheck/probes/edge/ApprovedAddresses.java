package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.dns.HostResolver;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.UnsafeAddressException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * The addresses one check may connect to, host by host. A host is approved before its request is sent: the
 * target host with the addresses DNS already gave (no second lookup), any other host (a redirect target)
 * through the {@link HostResolver}; every address goes through the safe-target policy, and only the
 * allowed ones are kept. OkHttp then asks this {@link Dns} and gets exactly those addresses: what was
 * checked is what is connected to (no re-resolution, so no DNS-rebinding window).
 *
 * <p>OkHttp never asks its {@code Dns} about hosts that look like IP addresses ({@code [0-9.]+} or
 * containing {@code ':'}): it parses them itself, and hands odd spellings such as {@code 2130706433} or
 * {@code 1.2.3.4.5} to {@code InetAddress.getByName}, which reads the first as 127.0.0.1 and resolves the
 * second with the system resolver. Such hosts are therefore approved here only when they are a plain
 * dotted-quad IPv4 or an IPv6 literal, and then checked against the policy like any other address.
 *
 * <p>Public so that the other probes that talk to the edge (the trace probe) pin and check addresses in this
 * one place.
 */
public final class ApprovedAddresses implements Dns {

    /** OkHttp's own test for "this host is an IP address, do not look it up". */
    private static final Pattern OKHTTP_IP_SHAPED = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private final String targetHost;
    private final List<InetAddress> targetAddresses;
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Map<String, List<InetAddress>> approved = new ConcurrentHashMap<>();

    public ApprovedAddresses(String targetHost, List<InetAddress> targetAddresses, HostResolver resolver, AddressPolicy policy) {
        this.targetHost = targetHost;
        this.targetAddresses = List.copyOf(targetAddresses);
        this.resolver = resolver;
        this.policy = policy;
    }

    /**
     * Finds and checks the addresses of {@code host} so that a request to it may be sent.
     *
     * @throws UnknownHostException   when the host does not resolve
     * @throws UnsafeAddressException when the policy refuses every address (the message names the first)
     */
    public void approve(String host, Deadline deadline) throws UnknownHostException {
        if (approved.containsKey(host)) {
            return;
        }
        List<InetAddress> candidates;
        if (OKHTTP_IP_SHAPED.matcher(host).matches()) {
            candidates = List.of(literal(host));
        } else if (host.equals(targetHost)) {
            candidates = targetAddresses;
        } else {
            candidates = resolver.resolve(host, deadline);
        }
        if (candidates.isEmpty()) {
            throw new UnknownHostException("no address for " + host);
        }
        List<InetAddress> allowed = new ArrayList<>(candidates.size());
        UnsafeAddressException firstRefusal = null;
        for (InetAddress address : candidates) {
            try {
                policy.requireAllowed(address);
                allowed.add(address);
            } catch (UnsafeAddressException e) {
                if (firstRefusal == null) {
                    firstRefusal = e;
                }
            }
        }
        if (allowed.isEmpty()) {
            throw firstRefusal;
        }
        approved.put(host, List.copyOf(allowed));
    }

    /**
     * Checks the port a redirect leads to (the target's own port was checked with the target).
     *
     * @throws UnsafeAddressException when the policy refuses the port (the message names it)
     */
    public void approvePort(int port) {
        policy.requirePortAllowed(port);
    }

    /** Only hosts approved beforehand resolve; anything else is an error, never a system lookup. */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = approved.get(hostname);
        if (addresses == null) {
            throw new UnknownHostException("host was not approved for connecting: " + hostname);
        }
        return addresses;
    }

    /** Parses an IP-shaped host without any lookup; odd numeric spellings are refused. */
    private static InetAddress literal(String host) throws UnknownHostException {
        if (host.indexOf(':') >= 0) {
            // HttpUrl has already canonicalised IPv6 hosts.
            return IpLiteral.parseIpv6(host).orElseThrow(() -> new UnknownHostException("not an IPv6 address: " + host));
        }
        return IpLiteral.parseDottedQuad(host).orElseThrow(() ->
                new UnsafeAddressException("numeric host '" + OneLine.of(host) + "' is not a plain IPv4 address"));
    }
}
