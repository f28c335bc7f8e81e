package dev.cfcheck.probes.dns;

import java.util.List;

/**
 * What DNS said about the target host.
 *
 * @param resolver              the resolver asked, "ip:port"
 * @param status                the lookup outcome
 * @param cnameChain            CNAME targets followed from the host, in order (empty when none)
 * @param ipv4                  A records at the end of the chain
 * @param ipv6                  AAAA records at the end of the chain
 * @param zone                  the zone cut found by walking up the labels, or {@code null}
 * @param nameservers           NS records of that zone
 * @param cloudflareNameservers true when every NS is a Cloudflare one (*.ns.cloudflare.com)
 * @param cloudflareAddresses   the addresses above that fall inside Cloudflare's published ranges
 * @param elapsedMs             time spent on all queries
 * @param detail                one line on what went wrong, or {@code null}
 * @param cloudflareRanges      the list of Cloudflare's ranges used and its date ("bundled copy of 2026-08-22")
 */
public record DnsResult(
        String resolver,
        DnsStatus status,
        List<String> cnameChain,
        List<String> ipv4,
        List<String> ipv6,
        String zone,
        List<String> nameservers,
        boolean cloudflareNameservers,
        List<String> cloudflareAddresses,
        long elapsedMs,
        String detail,
        String cloudflareRanges) {

    /** A result that does not say which ranges list was used (tests, and results built before the field). */
    public DnsResult(String resolver, DnsStatus status, List<String> cnameChain, List<String> ipv4, List<String> ipv6,
            String zone, List<String> nameservers, boolean cloudflareNameservers, List<String> cloudflareAddresses,
            long elapsedMs, String detail) {
        this(resolver, status, cnameChain, ipv4, ipv6, zone, nameservers, cloudflareNameservers, cloudflareAddresses,
                elapsedMs, detail, null);
    }

    public DnsResult {
        cnameChain = List.copyOf(cnameChain);
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        nameservers = List.copyOf(nameservers);
        cloudflareAddresses = List.copyOf(cloudflareAddresses);
    }

    /** All addresses, IPv4 first (they are tried in this order). */
    public List<String> addresses() {
        return java.util.stream.Stream.concat(ipv4.stream(), ipv6.stream()).toList();
    }

    /** True when the host resolves into Cloudflare's ranges, i.e. the record is proxied ("orange cloud"). */
    public boolean proxied() {
        return !cloudflareAddresses.isEmpty();
    }
}
