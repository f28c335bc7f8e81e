package dev.cfcheck.check;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.util.List;

/**
 * The four probes a check runs, behind one seam: the {@link Checker} orders and bounds them, a
 * {@link LiveProbes} does the network work, and the benchmark wraps it to count probe runs.
 * Every method returns data (never throws for a network failure) and never waits past the deadline.
 */
public interface Probes {

    DnsResult dns(String host, Deadline deadline);

    /** Requests the target through {@code addresses}; {@code policy} is applied to them and to every redirect hop. */
    EdgeResult edge(Target target, List<InetAddress> addresses, AddressPolicy policy, Deadline deadline);

    OriginResult origin(Target target, OriginEndpoint origin, Deadline deadline);

    /** The TLS handshake with the origin on 443 (or its explicit port), or {@code null} when TLS does not apply. */
    TlsResult tls(Target target, OriginEndpoint origin, Deadline deadline);
}
