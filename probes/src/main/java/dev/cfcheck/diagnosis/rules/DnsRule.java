package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import java.util.List;

/** The host did not resolve: NXDOMAIN, SERVFAIL, REFUSED, NODATA, TIMEOUT (or another error). */
public final class DnsRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        DnsResult dns = seen.dns();
        if (dns == null || dns.status() == DnsStatus.OK) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.DNS_FAILURE, dns.status().name()).explaining(DnsProbe.KEY.name());
        String resolver = dns.resolver();
        int colon = resolver == null ? -1 : resolver.lastIndexOf(':');
        if (colon > 0) {
            String ip = resolver.substring(0, colon);
            if (ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            c = c.withAddress(Placeholder.RESOLVER, ip).withValue(Placeholder.RESOLVER_PORT, resolver.substring(colon + 1));
        }
        return List.of(c);
    }
}
