package dev.cfcheck.check;

import dev.cfcheck.probes.DaemonThreads;
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
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The probes that talk to the network. */
public final class LiveProbes implements Probes, AutoCloseable {

    private static final int MAX_ORIGIN_THREADS = 32;

    private final DnsProbe dns;
    private final EdgeProbe edge;
    private final ThreadPoolExecutor originPool;
    private final OriginProbe origin;
    private final TlsProbe tls;

    /**
     * @param resolver   the DNS resolver, or {@code null} for the system's
     * @param ranges     Cloudflare's address ranges
     * @param trust      trusted CAs (the JVM's plus --ca-file) for the edge and the origin's certificate
     * @param safePolicy the safe-target policy for an edge run that names none (each check names its own)
     */
    public LiveProbes(InetSocketAddress resolver, CloudflareRanges ranges, TrustMaterial trust, AddressPolicy safePolicy) {
        this.dns = new DnsProbe(resolver, ranges);
        this.edge = new EdgeProbe(safePolicy, dns, trust.trustManager());
        // The second port connect of each origin probe (the first runs on the probe's own thread). A hand-off
        // pool, not a queue: when all threads are busy the connect runs on the caller, a little later, rather
        // than waiting in a queue and being reported as an unanswered SYN (a false 522).
        this.originPool = new ThreadPoolExecutor(0, MAX_ORIGIN_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("cfcheck-origin-"));
        this.origin = new OriginProbe(originPool);
        this.tls = new TlsProbe(trust);
    }

    @Override
    public DnsResult dns(String host, Deadline deadline) {
        return dns.run(host, deadline);
    }

    @Override
    public EdgeResult edge(Target target, List<InetAddress> addresses, AddressPolicy policy, Deadline deadline) {
        return edge.run(target, addresses, policy, deadline);
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
        edge.close();
        originPool.shutdownNow();
    }
}
