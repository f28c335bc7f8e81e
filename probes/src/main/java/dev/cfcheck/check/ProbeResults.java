package dev.cfcheck.check;

import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.List;

/**
 * Everything the probes saw. A probe that did not run is {@code null}.
 *
 * @param dns    the lookup of the target host
 * @param edge   the target requested through the addresses DNS gave
 * @param origin each origin address tried directly, in the order given
 * @param tls    the TLS handshake with each origin whose TLS port connected
 */
public record ProbeResults(DnsResult dns, EdgeResult edge, List<OriginResult> origin, List<TlsResult> tls) {

    public ProbeResults {
        origin = origin == null ? null : List.copyOf(origin);
        tls = tls == null ? null : List.copyOf(tls);
    }
}
