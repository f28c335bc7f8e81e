package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.AddressProbe;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.site.Target;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.IpLiteral;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS probe: asks the resolver for A and AAAA (concurrently), follows the CNAME chain, tells NXDOMAIN,
 * SERVFAIL, REFUSED, NODATA and timeouts apart, finds the zone cut and its name servers, and says which
 * addresses are inside Cloudflare's ranges (a proxied record) and whether the zone's NS are Cloudflare's.
 *
 * <p>The resolver is whatever the user configured ({@code --dns}) or the system's, and is exempt from the
 * safe-target policy: it is usually on loopback or the local network (127.0.0.53, a VPC resolver).
 */
public final class DnsProbe implements HostResolver, AddressProbe<DnsResult> {

    /** The report's {@code probes.dns}. */
    public static final ProbeKey<DnsResult> KEY = new ProbeKey<>("dns", new DnsDescriber());

    /** One unanswered question may not eat the whole check: the edge and origin probes come after DNS. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);
    private static final String CLOUDFLARE_NS_SUFFIX = ".ns.cloudflare.com";

    private final InetSocketAddress resolver;
    private final CloudflareRanges ranges;
    private final Duration queryTimeout;

    /**
     * @param resolver the resolver to ask, or {@code null} for the system's (from dnsjava's {@link ResolverConfig})
     * @param ranges   Cloudflare's ranges, to tell proxied addresses
     */
    public DnsProbe(InetSocketAddress resolver, CloudflareRanges ranges) {
        this(resolver, ranges, DEFAULT_QUERY_TIMEOUT);
    }

    /** @param queryTimeout the longest one query may take, within the deadline */
    public DnsProbe(InetSocketAddress resolver, CloudflareRanges ranges, Duration queryTimeout) {
        this.resolver = resolver;
        this.ranges = ranges;
        this.queryTimeout = queryTimeout;
    }

    @Override
    public ProbeKey<DnsResult> key() {
        return KEY;
    }

    /** Looks the target up; an IP-literal target has nothing to look up (not run). */
    @Override
    public ProbeOutcome<DnsResult> run(ProbeContext context) {
        if (IpLiteral.parse(context.target().host()).isPresent()) {
            return ProbeOutcome.notRun();
        }
        return ProbeOutcome.of(run(context.target().host(), context.deadline()));
    }

    @Override
    public List<InetAddress> addressesOf(Target target, DnsResult result) {
        Optional<InetAddress> literal = IpLiteral.parse(target.host());
        if (literal.isPresent()) {
            return List.of(literal.get()); // the user named the address
        }
        if (result == null || result.status() != DnsStatus.OK) {
            return List.of();
        }
        return result.addresses().stream().map(IpLiteral::parse).flatMap(Optional::stream).toList();
    }

    /** Looks {@code host} up; never throws and never runs past the deadline. */
    public DnsResult run(String host, Deadline deadline) {
        long start = System.nanoTime();
        Optional<InetSocketAddress> server = resolverAddress();
        String resolverText = server.map(s -> IpLiteral.withPort(s.getAddress(), s.getPort())).orElse("none");
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            InetAddress ip = literal.get();
            boolean v4 = ip instanceof Inet4Address;
            return result(resolverText, DnsStatus.OK, List.of(), v4 ? List.of(ip) : List.of(), v4 ? List.of() : List.of(ip),
                    Optional.empty(), start, "the target is an IP address: nothing to look up");
        }
        if (server.isEmpty()) {
            return failed(resolverText, DnsStatus.ERROR, start, "no DNS resolver configured on this system (use --dns IP)");
        }
        Name name;
        try {
            name = toName(host);
        } catch (TextParseException e) {
            return failed(resolverText, DnsStatus.ERROR, start, "not a DNS name");
        }
        DnsQuery query = new DnsQuery(server.get(), queryTimeout);
        CompletableFuture<Outcome> addresses = addresses(query, name, deadline);
        Optional<ZoneCut> zone = ZoneCut.find(query, name, deadline); // meanwhile
        Outcome outcome = addresses.join();
        return result(resolverText, outcome.status(), outcome.cnames(), outcome.ipv4(), outcome.ipv6(), zone, start, outcome.detail());
    }

    /**
     * The addresses of {@code host} for a redirect hop: A and AAAA records at the end of the CNAME chain, IPv4
     * first. An IP literal comes back as itself.
     *
     * @throws DnsLookupException when there is no address; {@link DnsLookupException#status()} says why
     */
    @Override
    public List<InetAddress> resolve(String host, Deadline deadline) throws DnsLookupException {
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        Optional<InetSocketAddress> server = resolverAddress();
        if (server.isEmpty()) {
            throw new DnsLookupException(DnsStatus.ERROR, "no DNS resolver configured on this system");
        }
        Name name;
        try {
            name = toName(host);
        } catch (TextParseException e) {
            throw new DnsLookupException(DnsStatus.ERROR, "not a DNS name");
        }
        Outcome outcome = addresses(new DnsQuery(server.get(), queryTimeout), name, deadline).join();
        if (outcome.status() != DnsStatus.OK) {
            throw new DnsLookupException(outcome.status(), name.toString(true) + ": " + outcome.status()
                    + (outcome.detail() == null ? "" : " (" + outcome.detail() + ")"));
        }
        List<InetAddress> all = new ArrayList<>(outcome.ipv4());
        all.addAll(outcome.ipv6());
        return List.copyOf(all);
    }

    /** A and AAAA, each followed along its CNAME chain, asked at the same time. */
    private static CompletableFuture<Outcome> addresses(DnsQuery query, Name name, Deadline deadline) {
        CompletableFuture<AddressChain.Result> v4 = AddressChain.resolve(query, name, Type.A, deadline);
        CompletableFuture<AddressChain.Result> v6 = AddressChain.resolve(query, name, Type.AAAA, deadline);
        return v4.thenCombine(v6, Outcome::of);
    }

    private Optional<InetSocketAddress> resolverAddress() {
        if (resolver != null) {
            return Optional.of(resolver);
        }
        return Optional.ofNullable(ResolverConfig.getCurrentConfig().server());
    }

    private static Name toName(String host) throws TextParseException {
        return Name.fromString(host.endsWith(".") ? host : host + ".");
    }

    private DnsResult result(String resolverText, DnsStatus status, List<Name> cnames, List<InetAddress> ipv4,
                             List<InetAddress> ipv6, Optional<ZoneCut> zone, long start, String detail) {
        List<String> nameservers = zone.map(z -> z.nameservers().stream().map(DnsProbe::text).toList()).orElse(List.of());
        boolean cloudflareNs = !nameservers.isEmpty()
                && nameservers.stream().allMatch(ns -> ns.endsWith(CLOUDFLARE_NS_SUFFIX));
        List<String> inRanges = new ArrayList<>();
        for (InetAddress a : concat(ipv4, ipv6)) {
            if (ranges.contains(a)) {
                inRanges.add(IpLiteral.format(a));
            }
        }
        return new DnsResult(
                resolverText,
                status,
                cnames.stream().map(DnsProbe::text).toList(),
                ipv4.stream().map(IpLiteral::format).toList(),
                ipv6.stream().map(IpLiteral::format).toList(),
                zone.map(z -> text(z.zone())).orElse(null),
                nameservers,
                cloudflareNs,
                inRanges,
                (System.nanoTime() - start) / 1_000_000,
                detail,
                ranges.describe());
    }

    private DnsResult failed(String resolverText, DnsStatus status, long start, String detail) {
        return result(resolverText, status, List.of(), List.of(), List.of(), Optional.empty(), start, detail);
    }

    /** Lower case, no trailing dot; odd bytes stay escaped the way dnsjava prints them (\DDD). */
    private static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    private static List<InetAddress> concat(List<InetAddress> a, List<InetAddress> b) {
        List<InetAddress> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The A and AAAA answers folded into one outcome. */
    private record Outcome(DnsStatus status, List<Name> cnames, List<InetAddress> ipv4, List<InetAddress> ipv6,
                           String detail) {

        /**
         * Any address makes it OK (a failed AAAA is noted in the detail); otherwise NXDOMAIN wins, then the A
         * query's failure, then the AAAA's: "no A, and AAAA timed out" is a timeout, not NODATA.
         */
        static Outcome of(AddressChain.Result a, AddressChain.Result aaaa) {
            List<Name> cnames = a.cnames().isEmpty() ? aaaa.cnames() : a.cnames();
            List<InetAddress> ipv4 = distinct(a.addresses());
            List<InetAddress> ipv6 = distinct(aaaa.addresses());
            if (!ipv4.isEmpty() || !ipv6.isEmpty()) {
                String detail = null;
                if (ipv4.isEmpty() && a.status() != DnsStatus.NODATA) {
                    detail = "A lookup: " + a.status() + (a.detail() == null ? "" : " (" + a.detail() + ")");
                } else if (ipv6.isEmpty() && aaaa.status() != DnsStatus.NODATA) {
                    detail = "AAAA lookup: " + aaaa.status() + (aaaa.detail() == null ? "" : " (" + aaaa.detail() + ")");
                }
                return new Outcome(DnsStatus.OK, cnames, ipv4, ipv6, detail);
            }
            AddressChain.Result chosen;
            if (a.status() == DnsStatus.NXDOMAIN || aaaa.status() == DnsStatus.NXDOMAIN) {
                chosen = a.status() == DnsStatus.NXDOMAIN ? a : aaaa;
            } else if (a.status() != DnsStatus.NODATA) {
                chosen = a;
            } else {
                chosen = aaaa;
            }
            String detail = chosen.status() == DnsStatus.NODATA
                    ? (cnames.isEmpty() ? "the name exists but has no A or AAAA records"
                            : "the CNAME chain ends at " + text(cnames.get(cnames.size() - 1)) + ", which has no A or AAAA records")
                    : chosen.detail();
            return new Outcome(chosen.status(), cnames, List.of(), List.of(), detail);
        }

        private static List<InetAddress> distinct(List<InetAddress> addresses) {
            Set<InetAddress> set = new LinkedHashSet<>(addresses);
            return List.copyOf(set);
        }
    }
}
