package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.FanOut;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.probes.origin.OriginPorts;
import dev.cfcheck.probes.origin.OriginProbe;
import dev.cfcheck.site.OriginEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The TLS handshake with every origin of a check ({@link TlsProbe} each, all at once), on 443 or the origin's
 * explicit port. Skipped for an origin that speaks plain HTTP (explicit port 80, or an http:// target with a port).
 */
public final class OriginTlsProbe implements Probe<List<TlsResult>> {

    /** The report's {@code probes.tls}. */
    public static final ProbeKey<List<TlsResult>> KEY = new ProbeKey<>("tls", new TlsDescriber());

    private final TlsProbe tls;
    private final int defaultPort;

    public OriginTlsProbe(TlsProbe tls) {
        this(tls, OriginPorts.STANDARD);
    }

    /** @param ports where an origin given without a port is tried (its TLS port here) */
    public OriginTlsProbe(TlsProbe tls, OriginPorts ports) {
        this.tls = tls;
        this.defaultPort = ports.https();
    }

    @Override
    public ProbeKey<List<TlsResult>> key() {
        return KEY;
    }

    @Override
    public int threadsPerCheck() {
        return ProbeContext.MAX_ORIGINS;
    }

    @Override
    public ProbeOutcome<List<TlsResult>> run(ProbeContext context) {
        if (context.origins().isEmpty()) {
            return ProbeOutcome.notRun();
        }
        String host = context.target().host();
        List<CompletableFuture<TlsResult>> running = new ArrayList<>();
        for (OriginEndpoint endpoint : context.origins()) {
            // An explicit port is TLS unless it is 80 or the user asked for an http:// URL.
            boolean plainHttp = endpoint.port() != null
                    && (endpoint.port() == OriginProbe.HTTP_PORT || "http".equals(context.target().scheme()));
            if (!plainHttp) {
                int port = endpoint.port() != null ? endpoint.port() : defaultPort;
                running.add(CompletableFuture.supplyAsync(
                        () -> tls.run(host, endpoint.address(), port, context.deadline()), context.fanOut()));
            }
        }
        return ProbeOutcome.of(FanOut.collect(running, context.deadline()));
    }
}
