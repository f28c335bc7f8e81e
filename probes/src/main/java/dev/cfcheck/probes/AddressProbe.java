package dev.cfcheck.probes;

import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.util.List;

/**
 * The probe that runs first and gives the others the target's addresses (DNS). The checker runs it (beside the
 * {@link OriginSource}s only), then every other probe at once with what it found.
 *
 * @param <R> its result type
 */
public interface AddressProbe<R> extends Probe<R> {

    /**
     * The addresses to connect to: from its result, or the target itself when it is an address (then the probe
     * did not run and {@code result} is {@code null}); empty when none were found.
     */
    List<InetAddress> addressesOf(Target target, R result);
}
