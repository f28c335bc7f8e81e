package dev.cfcheck.check;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.origin.OriginProbe;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.tls.TlsProbe;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.target.AddressPolicy;
import dev.cfcheck.target.CloudflareRanges;
import dev.cfcheck.target.OriginEndpoint;
import dev.cfcheck.target.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The probes that talk to the network. */
public final class LiveProbes implements Probes, AutoCloseable {

    private final DnsProbe dns;
    private final EdgeProbe safeEdge;
    private final EdgeProbe permissiveEdge;
    private final ExecutorService originPool;
    private final OriginProbe origin;
    private final TlsProbe tls;

    /**
     * @param resolver   the DNS resolver, or {@code null} for the system's
     * @param ranges     Cloudflare's address ranges
     * @param trust      trusted CAs (the JVM's plus --ca-file) for the edge and the origin's certificate
     * @param safePolicy the safe-target policy; requests that allow private targets bypass it
     */
    public LiveProbes(InetSocketAddress resolver, CloudflareRanges ranges, TrustMaterial trust, AddressPolicy safePolicy) {
        this.dns = new DnsProbe(resolver, ranges);
        this.safeEdge = new EdgeProbe(safePolicy, dns, trust.trustManager());
        this.permissiveEdge = new EdgeProbe(AddressPolicy.ALLOW_ALL, dns, trust.trustManager());
        // Port connects of all checks at once: two per origin; bounded, excess waits its turn.
        this.originPool = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "cfcheck-origin");
            t.setDaemon(true);
            return t;
        });
        this.origin = new OriginProbe(originPool);
        this.tls = new TlsProbe(trust);
    }

    @Override
    public DnsResult dns(String host, Deadline deadline) {
        return dns.run(host, deadline);
    }

    @Override
    public EdgeResult edge(Target target, List<InetAddress> addresses, AddressPolicy policy, Deadline deadline) {
        EdgeProbe probe = policy == AddressPolicy.ALLOW_ALL ? permissiveEdge : safeEdge;
        return probe.run(target, addresses, deadline);
    }

    @Override
    public OriginResult origin(Target target, OriginEndpoint endpoint, Deadline deadline) {
        return origin.run(target.host(), target.path(), endpoint, deadline);
    }

    @Override
    public TlsResult tls(Target target, OriginEndpoint endpoint, Deadline deadline) {
        // An explicit port is TLS unless it is 80 or the user asked for an http:// URL.
        boolean plainHttp = endpoint.port() != null
                && (endpoint.port() == OriginProbe.HTTP_PORT || "http".equals(target.scheme()));
        if (plainHttp) {
            return null;
        }
        return tls.run(target.host(), endpoint, deadline);
    }

    @Override
    public void close() {
        originPool.shutdownNow();
    }
}
