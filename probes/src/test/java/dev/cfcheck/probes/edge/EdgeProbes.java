package dev.cfcheck.probes.edge;

import dev.cfcheck.check.ProbeList;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.dns.HostResolver;
import dev.cfcheck.site.AddressPolicy;
import java.util.List;
import javax.net.ssl.X509TrustManager;

/** Test access to the edge probe's other ports: both schemes of a port-less target on loopback. */
public final class EdgeProbes {

    private EdgeProbes() {
    }

    /** The live list with its edge probe asking {@code httpsPort} and {@code httpPort} instead of 443 and 80. */
    public static ProbeList withEdgePorts(ProbeList live, AddressPolicy policy, X509TrustManager trust, int httpsPort, int httpPort) {
        return withEdgePorts(live, policy, trust, HandshakeTimeout.DEFAULT, httpsPort, httpPort);
    }

    /** As above, with the edge's TLS handshake bounded by {@code handshakeTimeout}. */
    public static ProbeList withEdgePorts(ProbeList live, AddressPolicy policy, X509TrustManager trust,
            HandshakeTimeout handshakeTimeout, int httpsPort, int httpPort) {
        EdgeProbe edge = new EdgeProbe(policy, (HostResolver) live.resolver(), trust, handshakeTimeout, httpsPort, httpPort);
        List<Probe<?>> probes = live.probes().stream()
                .<Probe<?>>map(p -> p.key().equals(EdgeProbe.KEY) ? edge : p)
                .toList();
        return new ProbeList(live.resolver(), probes, live.originSources());
    }
}
