package dev.cfcheck.check;

import dev.cfcheck.probes.AddressProbe;
import dev.cfcheck.probes.OriginSource;
import dev.cfcheck.probes.Probe;
import java.util.List;
import java.util.stream.Stream;

/**
 * The probes a checker runs: the one that finds the target's addresses (DNS) and the ones that may name its
 * origins (the Cloudflare API), run first and side by side, then every other one at once. The order of
 * {@code probes} is the order of the report's {@code probes} object and of the evidence; the origin sources'
 * results come after them (they were added to the report last, and its JSON only grows at the end).
 *
 * @param resolver      the address probe
 * @param probes        the others
 * @param originSources the probes run beside the resolver that may name origins
 */
public record ProbeList(AddressProbe<?> resolver, List<Probe<?>> probes, List<OriginSource<?>> originSources)
        implements AutoCloseable {

    public ProbeList {
        probes = List.copyOf(probes);
        originSources = List.copyOf(originSources);
    }

    /** Without origin sources. */
    public ProbeList(AddressProbe<?> resolver, List<Probe<?>> probes) {
        this(resolver, probes, List.of());
    }

    /** Threads one check holds at once for its probes besides DNS: the probe pool is this times the checks at once. */
    public int threadsPerCheck() {
        return all().mapToInt(p -> p.threadsPerCheck() + 1).sum();
    }

    /** Releases what the probes hold (threads, connection pools). */
    @Override
    public void close() {
        for (Object p : all().toList()) {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing releases threads only; nothing is left to report at shutdown.
                }
            }
        }
    }

    private Stream<Probe<?>> all() {
        return Stream.concat(probes.stream(), originSources.stream());
    }
}
