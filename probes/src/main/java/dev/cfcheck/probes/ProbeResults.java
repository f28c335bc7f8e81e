package dev.cfcheck.probes;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the probes of one check saw, by probe, in the order the probes are registered. A probe that did
 * not run has {@code null}. Serialised as one JSON object keyed by probe name ({@code "dns"}, {@code "edge"},
 * {@code "origin"}, {@code "tls"}, {@code "trace"}): absent results are written as {@code null}, never omitted.
 */
public final class ProbeResults {

    public static final ProbeResults EMPTY = new ProbeResults(new LinkedHashMap<>());

    /** One probe's result with the key that words it. */
    public record Entry<R>(ProbeKey<R> key, R result) {

        public List<String> evidence(Target target) {
            return result == null ? List.of() : key.describer().evidence(target, result);
        }

        public List<ProbeField> fields(Target target) {
            return result == null ? key.describer().notRun(target) : key.describer().fields(target, result);
        }

        public List<ProbeSection> sections(Target target) {
            return result == null ? List.of() : key.describer().sections(target, result);
        }

        public List<ProbeFailure> failures(Target target) {
            return result == null ? List.of() : key.describer().failures(target, result);
        }

        public List<String> privateAddresses() {
            return result == null ? List.of() : key.describer().privateAddresses(result);
        }
    }

    private final Map<String, Entry<?>> byName;

    private ProbeResults(Map<String, Entry<?>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The result of that probe, or {@code null} when it did not run. */
    @SuppressWarnings("unchecked")
    public <R> R get(ProbeKey<R> key) {
        Entry<?> e = byName.get(key.name());
        return e == null ? null : (R) e.result();
    }

    /** A copy with one result replaced (the final result of a follow-up). */
    public <R> ProbeResults with(ProbeKey<R> key, R result) {
        Map<String, Entry<?>> copy = new LinkedHashMap<>(byName);
        copy.put(key.name(), new Entry<>(key, result));
        return new ProbeResults(copy);
    }

    /** Every probe's entry, in registration order (results may be null). */
    public List<Entry<?>> entries() {
        return new ArrayList<>(byName.values());
    }

    /** Every failure any probe saw, in registration order. */
    public List<ProbeFailure> failures(Target target) {
        return byName.values().stream().flatMap(e -> e.failures(target).stream()).toList();
    }

    /** Every address a public card must not show, as each probe's describer names them (origin addresses). */
    public List<String> privateAddresses() {
        return byName.values().stream().flatMap(e -> e.privateAddresses().stream()).toList();
    }

    /** The JSON form: probe name → result. */
    @JsonAnyGetter
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        byName.forEach((name, e) -> out.put(name, e.result()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeResults other && asMap().equals(other.asMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMap());
    }

    @Override
    public String toString() {
        return "ProbeResults" + asMap();
    }

    public static final class Builder {
        private final Map<String, Entry<?>> byName = new LinkedHashMap<>();

        /** Adds a probe's result ({@code null}: it did not run); the order of calls is the report's order. */
        public <R> Builder put(ProbeKey<R> key, R result) {
            byName.put(key.name(), new Entry<>(key, result));
            return this;
        }

        public ProbeResults build() {
            return new ProbeResults(new LinkedHashMap<>(byName));
        }
    }
}
