package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.Deadline;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Follows the CNAME chain from a name to its A or AAAA records. A recursive resolver usually returns the
 * whole chain in one answer; when a server returns only the alias (no data, no SOA), the target is asked
 * again. At most {@value #MAX_CNAMES} aliases, and a name seen twice is a loop, not an endless walk.
 */
final class AddressChain {

    static final int MAX_CNAMES = 16;

    /**
     * @param status    OK when addresses were found, else why not
     * @param cnames    the aliases followed, in order
     * @param addresses records of the asked type at the end of the chain
     * @param detail    one line on a failure, or {@code null}
     */
    record Result(DnsStatus status, List<Name> cnames, List<InetAddress> addresses, String detail) {
        Result {
            cnames = List.copyOf(cnames);
            addresses = List.copyOf(addresses);
        }
    }

    private AddressChain() {
    }

    static CompletableFuture<Result> resolve(DnsQuery query, Name host, int type, Deadline deadline) {
        Set<Name> seen = new HashSet<>();
        seen.add(host);
        return step(query, host, host, type, deadline, new ArrayList<>(), seen);
    }

    private static CompletableFuture<Result> step(DnsQuery query, Name host, Name name, int type, Deadline deadline,
                                                  List<Name> chain, Set<Name> seen) {
        return query.send(name, type, deadline).thenCompose(reply -> {
            if (reply.status() != DnsStatus.OK && reply.status() != DnsStatus.NXDOMAIN) {
                return done(reply.status(), chain, List.of(), reply.detail());
            }
            Message message = reply.message();
            List<Record> answer = message.getSection(Section.ANSWER);
            Name current = name;
            for (CNAMERecord alias = alias(answer, current); alias != null; alias = alias(answer, current)) {
                Name target = alias.getTarget();
                chain.add(target);
                if (!seen.add(target)) {
                    return done(DnsStatus.ERROR, chain, List.of(), "CNAME loop: " + path(host, chain));
                }
                if (chain.size() > MAX_CNAMES) {
                    return done(DnsStatus.ERROR, chain, List.of(),
                            "CNAME chain of " + host.toString(true) + " is longer than " + MAX_CNAMES);
                }
                current = target;
            }
            List<InetAddress> addresses = addresses(answer, current, type);
            if (!addresses.isEmpty()) {
                return done(DnsStatus.OK, chain, addresses, null);
            }
            if (reply.status() == DnsStatus.NXDOMAIN) {
                return done(DnsStatus.NXDOMAIN, chain, List.of(), chain.isEmpty()
                        ? host.toString(true) + " does not exist (NXDOMAIN)"
                        : "CNAME target " + current.toString(true) + " does not exist (NXDOMAIN): " + path(host, chain));
            }
            boolean aliasOnly = !current.equals(name) && message.getSection(Section.AUTHORITY).stream()
                    .noneMatch(r -> r.getType() == Type.SOA);
            if (aliasOnly) {
                return step(query, host, current, type, deadline, chain, seen);
            }
            return done(DnsStatus.NODATA, chain, List.of(), (chain.isEmpty()
                    ? host.toString(true)
                    : "CNAME target " + current.toString(true)) + " has no " + Type.string(type) + " records");
        });
    }

    private static CNAMERecord alias(List<Record> answer, Name owner) {
        for (Record r : answer) {
            if (r instanceof CNAMERecord cname && r.getName().equals(owner)) {
                return cname;
            }
        }
        return null;
    }

    private static List<InetAddress> addresses(List<Record> answer, Name owner, int type) {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : answer) {
            if (!r.getName().equals(owner) || r.getType() != type) {
                continue;
            }
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            } else if (r instanceof AAAARecord aaaa) {
                out.add(aaaa.getAddress());
            }
        }
        return out;
    }

    private static String path(Name host, List<Name> chain) {
        StringBuilder sb = new StringBuilder(host.toString(true));
        for (Name n : chain) {
            sb.append(" -> ").append(n.toString(true));
        }
        return sb.toString();
    }

    private static CompletableFuture<Result> done(DnsStatus status, List<Name> chain, List<InetAddress> addresses,
                                                  String detail) {
        return CompletableFuture.completedFuture(new Result(status, chain, addresses, detail));
    }
}
