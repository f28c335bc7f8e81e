package dev.cfcheck.diagnosis;

import dev.cfcheck.probes.OneLine;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values placeholders are filled with. Immutable: {@link #with} returns a copy.
 *
 * <p>Three kinds of value: plain text; an address (an IPv6 one gets brackets where it is part of a larger
 * word, as in a URL or {@code ip:port}); and a shell variable such as {@code $ORIGIN_IP}, written for the
 * user to set, used when the real value is unknown.
 */
public final class TemplateValues {

    /** The variable commands use when the origin's address is unknown. */
    public static final String ORIGIN_IP_VARIABLE = "ORIGIN_IP";

    // IP literals only: anything else (a name, an option-like "-x") is not accepted as an address.
    private static final Pattern IP_LITERAL = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");

    /** One value. */
    public record Value(String text, Type type) {
        public enum Type { TEXT, ADDRESS, SHELL_VARIABLE }

        /** True for an IPv6 address, which needs brackets inside a URL or before ":port". */
        boolean bracketable() {
            return type == Type.ADDRESS && text.indexOf(':') >= 0;
        }

        /** How the value reads in prose. */
        String prose() {
            return type == Type.SHELL_VARIABLE ? "$" + text : text;
        }
    }

    public static final TemplateValues EMPTY = new TemplateValues(new EnumMap<>(Placeholder.class));

    private final Map<Placeholder, Value> values;

    private TemplateValues(Map<Placeholder, Value> values) {
        this.values = values;
    }

    /** A copy with {@code name} set to plain text; a {@code null} value leaves the name unset. */
    public TemplateValues with(Placeholder name, String text) {
        return text == null ? this : put(name, new Value(OneLine.of(text, 2000), Value.Type.TEXT));
    }

    /**
     * A copy with {@code name} set to an address. A value that is not an IP literal is refused (left unset),
     * so nothing but an address can reach a spot where the shell or a URL parser expects one.
     */
    public TemplateValues withAddress(Placeholder name, String ip) {
        if (ip == null || !IP_LITERAL.matcher(ip).matches()) {
            return this;
        }
        return put(name, new Value(ip, Value.Type.ADDRESS));
    }

    /** A copy with {@code name} standing for a shell variable the user sets ({@code ORIGIN_IP}). */
    public TemplateValues withShellVariable(Placeholder name, String variable) {
        return put(name, new Value(variable, Value.Type.SHELL_VARIABLE));
    }

    /** A copy where every value of {@code other} replaces this one's. */
    public TemplateValues overriddenBy(TemplateValues other) {
        EnumMap<Placeholder, Value> copy = copy();
        copy.putAll(other.values);
        return new TemplateValues(copy);
    }

    public Optional<Value> get(Placeholder name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(Placeholder name) {
        return values.containsKey(name);
    }

    private TemplateValues put(Placeholder name, Value value) {
        EnumMap<Placeholder, Value> copy = copy();
        copy.put(name, value);
        return new TemplateValues(copy);
    }

    private EnumMap<Placeholder, Value> copy() {
        return values.isEmpty() ? new EnumMap<>(Placeholder.class) : new EnumMap<>(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
