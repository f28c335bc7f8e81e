package dev.cfcheck.check;

import dev.cfcheck.probes.AddressProbe;
import dev.cfcheck.probes.Probe;
import java.util.List;

/**
 * The probes a checker runs: the one that finds the target's addresses (DNS), run first, then every other one
 * at once. The order of {@code probes} is the order of the report's {@code probes} object and of the evidence.
 *
 * @param resolver the address probe
 * @param probes   the others
 */
public record ProbeList(AddressProbe<?> resolver, List<Probe<?>> probes) implements AutoCloseable {

    public ProbeList {
        probes = List.copyOf(probes);
    }

    /** Threads one check holds at once for its probes after DNS: the probe pool is this times the checks at once. */
    public int threadsPerCheck() {
        return probes.stream().mapToInt(p -> p.threadsPerCheck() + 1).sum();
    }

    /** Releases what the probes hold (threads, connection pools). */
    @Override
    public void close() {
        for (Object p : probes) {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing releases threads only; nothing is left to report at shutdown.
                }
            }
        }
    }
}
