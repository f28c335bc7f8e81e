package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * The zone a host belongs to and its name servers, found by walking up the labels with NS queries
 * (www.shop.example.com, shop.example.com, example.com...) until a name has NS records, or a negative
 * answer's SOA names the zone apex. The NS records say who serves the zone: Cloudflare's
 * {@code *.ns.cloudflare.com} when the zone is on Cloudflare.
 *
 * @param zone        the zone apex
 * @param nameservers its NS records (empty if they could not be read)
 */
record ZoneCut(Name zone, List<Name> nameservers) {

    ZoneCut {
        nameservers = List.copyOf(nameservers);
    }

    /** Empty when the walk failed (the resolver erred or timed out) or reached the root. */
    static Optional<ZoneCut> find(DnsQuery query, Name host, Deadline deadline) {
        Name current = host;
        // Name.labels() counts the root label, so a name with one real label has 2.
        while (current.labels() > 1 && !deadline.expired()) {
            DnsQuery.Reply reply = query.send(current, org.xbill.DNS.Type.NS, deadline).join();
            if (reply.status() != DnsStatus.OK && reply.status() != DnsStatus.NXDOMAIN) {
                return Optional.empty();
            }
            Message message = reply.message();
            // An alias has no NS of its own, and the SOA that comes back belongs to the alias target's zone.
            if (!isAlias(message, current)) {
                List<Name> ns = nameservers(message, current);
                if (!ns.isEmpty()) {
                    return Optional.of(new ZoneCut(current, ns));
                }
                Optional<Name> apex = soaOwner(message, current);
                if (apex.isPresent()) {
                    return Optional.of(new ZoneCut(apex.get(), apex.get().equals(current)
                            ? List.of()
                            : nameserversOf(query, apex.get(), deadline)));
                }
            }
            current = new Name(current, 1);
        }
        return Optional.empty();
    }

    private static List<Name> nameserversOf(DnsQuery query, Name apex, Deadline deadline) {
        DnsQuery.Reply reply = query.send(apex, org.xbill.DNS.Type.NS, deadline).join();
        return reply.status() == DnsStatus.OK ? nameservers(reply.message(), apex) : List.of();
    }

    private static boolean isAlias(Message message, Name name) {
        return message.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r instanceof CNAMERecord && r.getName().equals(name));
    }

    private static List<Name> nameservers(Message message, Name owner) {
        List<Name> out = new ArrayList<>();
        for (Record r : message.getSection(Section.ANSWER)) {
            if (r instanceof NSRecord ns && r.getName().equals(owner) && !out.contains(ns.getTarget())) {
                out.add(ns.getTarget());
            }
        }
        return out;
    }

    /** The SOA owner in the authority section, if it is the name itself or one of its ancestors (not the root). */
    private static Optional<Name> soaOwner(Message message, Name name) {
        for (Record r : message.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord && name.subdomain(r.getName()) && r.getName().labels() > 1) {
                return Optional.of(r.getName());
            }
        }
        return Optional.empty();
    }
}
