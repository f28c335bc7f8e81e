package dev.cfcheck.check;

import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.cfapi.CloudflareApi;
import dev.cfcheck.probes.cfapi.CloudflareApiProbe;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginHttpProbe;
import dev.cfcheck.probes.origin.OriginPorts;
import dev.cfcheck.probes.origin.OriginProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.TcpProbe;
import dev.cfcheck.probes.status.StatusPageClient;
import dev.cfcheck.probes.status.StatusPageProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsProbe;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.probes.trace.TraceProbe;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.CloudflareRanges;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The probes that talk to the network, registered in one list: add a probe here and nowhere else. */
public final class LiveProbes {

    private static final int MAX_ORIGIN_THREADS = 32;

    private LiveProbes() {
    }

    /**
     * What a process may change about the live probes; {@link #DEFAULTS} is production's without the optional
     * services (tests change the ports and the handshake limit, as they shorten the deadline).
     *
     * @param statusPage       Cloudflare's status page, shared by every check, or {@code null} when off (the probe
     *                         stays registered, so its key stays in the report, and does not run)
     * @param handshakeTimeout how long a TLS handshake may take once connected, at the edge and the origin
     * @param cloudflareApi    the Cloudflare API client (a token was configured), or {@code null}: the API probe is
     *                         registered either way and runs only with a client
     * @param originPorts      where an origin known only by its address is tried: {@link OriginPorts#STANDARD}
     */
    public record Options(StatusPageClient statusPage, HandshakeTimeout handshakeTimeout, CloudflareApi cloudflareApi,
            OriginPorts originPorts) {

        public static final Options DEFAULTS = new Options(null, HandshakeTimeout.DEFAULT, null, OriginPorts.STANDARD);

        public Options withStatusPage(StatusPageClient value) {
            return new Options(value, handshakeTimeout, cloudflareApi, originPorts);
        }

        public Options withHandshakeTimeout(HandshakeTimeout value) {
            return new Options(statusPage, value, cloudflareApi, originPorts);
        }

        public Options withCloudflareApi(CloudflareApi value) {
            return new Options(statusPage, handshakeTimeout, value, originPorts);
        }

        public Options withOriginPorts(OriginPorts value) {
            return new Options(statusPage, handshakeTimeout, cloudflareApi, value);
        }
    }

    /** The live probes with {@link Options#DEFAULTS}. */
    public static ProbeList create(InetSocketAddress resolver, CloudflareRanges ranges, TrustMaterial trust,
            AddressPolicy safePolicy) {
        return create(resolver, ranges, trust, safePolicy, Options.DEFAULTS);
    }

    /**
     * @param resolver   the DNS resolver, or {@code null} for the system's
     * @param ranges     Cloudflare's address ranges
     * @param trust      trusted CAs (the JVM's plus --ca-file) for the edge and the origin's certificate
     * @param safePolicy the safe-target policy for an edge run that names none (each check names its own)
     * @param options    the optional services and the limits tests change
     */
    public static ProbeList create(InetSocketAddress resolver, CloudflareRanges ranges, TrustMaterial trust,
            AddressPolicy safePolicy, Options options) {
        HandshakeTimeout handshakeTimeout = options.handshakeTimeout();
        OriginPorts originPorts = options.originPorts();
        DnsProbe dns = new DnsProbe(resolver, ranges);
        // The second port connect of each origin probe (the first runs on the probe's own thread). A hand-off
        // pool, not a queue: when all threads are busy the connect runs on the caller, a little later, rather
        // than waiting in a queue and being reported as an unanswered SYN (a false 522).
        ThreadPoolExecutor originPool = new ThreadPoolExecutor(0, MAX_ORIGIN_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("cfcheck-origin-"));
        List<Probe<?>> probes = List.of(
                new EdgeProbe(safePolicy, dns, trust.trustManager(), handshakeTimeout),
                new OriginsProbe(new OriginProbe(originPool, new TcpProbe(),
                        new OriginHttpProbe(TcpProbe.DEFAULT_CONNECT_CAP, handshakeTimeout), originPorts), originPool::shutdownNow),
                new OriginTlsProbe(new TlsProbe(trust, TcpProbe.DEFAULT_CONNECT_CAP, handshakeTimeout), originPorts),
                new TraceProbe(trust.trustManager(), handshakeTimeout),
                new StatusPageProbe(options.statusPage()));
        // Beside DNS, before the others: the origins it finds are probed when the check names none.
        return new ProbeList(dns, probes, List.of(new CloudflareApiProbe(options.cloudflareApi())));
    }
}
