package dev.cfcheck.probes;

import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Everything a probe may need for one check.
 *
 * @param target    the validated target
 * @param addresses the target's addresses from DNS (or the IP the user typed); empty when none resolved
 * @param origins   origin addresses to probe directly (empty when unknown)
 * @param policy    the safe-target policy for every address the probe connects to (redirect hops included)
 * @param deadline  the check's deadline: nothing waits past it for the first report
 * @param followUp  the end of the follow-up past the deadline, or {@code null} when follow-up is off
 * @param earlier   results of the probes that ran before this one (DNS; the origin sources when the probes waited for them)
 * @param fanOut    where a probe may run parts of itself in parallel, within its {@link Probe#threadsPerCheck()}
 */
public record ProbeContext(
        Target target,
        List<InetAddress> addresses,
        List<OriginEndpoint> origins,
        AddressPolicy policy,
        Deadline deadline,
        Deadline followUp,
        ProbeResults earlier,
        Executor fanOut) {

    /** Origins probed per check at most: bounds the threads one check's origin probes can take. */
    public static final int MAX_ORIGINS = 4;

    public ProbeContext {
        addresses = List.copyOf(addresses);
        origins = List.copyOf(origins);
        earlier = earlier == null ? ProbeResults.EMPTY : earlier;
    }
}
