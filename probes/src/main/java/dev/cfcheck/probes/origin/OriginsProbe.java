package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.FanOut;
import dev.cfcheck.probes.Probe;
import dev.cfcheck.probes.ProbeContext;
import dev.cfcheck.probes.ProbeKey;
import dev.cfcheck.probes.ProbeOutcome;
import dev.cfcheck.site.OriginEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every origin address of a check tried directly, bypassing Cloudflare, all at once ({@link OriginProbe} each).
 * Not run when no origin is known. An origin whose probe is still running a moment past the deadline is left out.
 */
public final class OriginsProbe implements Probe<List<OriginResult>>, AutoCloseable {

    /** The report's {@code probes.origin}. */
    public static final ProbeKey<List<OriginResult>> KEY = new ProbeKey<>("origin", new OriginDescriber());

    private final OriginProbe origin;
    private final Runnable release;

    /** @param release frees what {@code origin} holds (its connect pool) when the checker closes */
    public OriginsProbe(OriginProbe origin, Runnable release) {
        this.origin = origin;
        this.release = release;
    }

    @Override
    public void close() {
        release.run();
    }

    @Override
    public ProbeKey<List<OriginResult>> key() {
        return KEY;
    }

    @Override
    public int threadsPerCheck() {
        return ProbeContext.MAX_ORIGINS;
    }

    @Override
    public ProbeOutcome<List<OriginResult>> run(ProbeContext context) {
        if (context.origins().isEmpty()) {
            return ProbeOutcome.notRun();
        }
        String host = context.target().host();
        String path = context.target().path();
        List<CompletableFuture<OriginResult>> running = new ArrayList<>();
        for (OriginEndpoint endpoint : context.origins()) {
            running.add(CompletableFuture.supplyAsync(() -> origin.run(host, path, endpoint, context.deadline()), context.fanOut()));
        }
        return ProbeOutcome.of(FanOut.collect(running, context.deadline()));
    }
}
