package dev.cfcheck.probes;

import java.util.Objects;

/**
 * Names one probe's result and brings the words for it: its key in the report's {@code probes} object
 * ({@code "dns"}, {@code "trace"}), its type through {@code R}, and the {@link Describer} that turns it into
 * evidence, card fields and Details. Each probe declares its own as a constant; readers ask
 * {@link ProbeResults#get(ProbeKey)} with it.
 *
 * @param name      the JSON key, lower case
 * @param describer the words for a result of this probe
 * @param <R>       the result type
 */
public record ProbeKey<R>(String name, Describer<R> describer) {

    public ProbeKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(describer);
    }
}
