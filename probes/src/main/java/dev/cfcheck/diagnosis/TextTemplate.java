package dev.cfcheck.diagnosis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Prose with {@code {placeholders}} (titles, summaries, step texts). Values are put in as they read, without
 * shell quoting; they were made single-line when they were set.
 */
public final class TextTemplate {

    private final String source;
    private final Set<Placeholder> placeholders;

    private TextTemplate(String source, Set<Placeholder> placeholders) {
        this.source = source;
        this.placeholders = placeholders;
    }

    /** @throws IllegalArgumentException naming an unknown placeholder */
    public static TextTemplate parse(String source) {
        EnumSet<Placeholder> names = EnumSet.noneOf(Placeholder.class);
        Matcher m = CommandTemplate.PLACEHOLDER.matcher(source);
        while (m.find()) {
            Placeholder p = Placeholder.byName(m.group(1));
            if (p == null) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in text: " + source);
            }
            names.add(p);
        }
        return new TextTemplate(source.strip(), Collections.unmodifiableSet(names));
    }

    public Set<Placeholder> placeholders() {
        return placeholders;
    }

    public String source() {
        return source;
    }

    /** The text with each placeholder replaced by its value, else its fallback, else "&lt;name&gt;". */
    public String fill(TemplateValues values, Map<Placeholder, String> fallbacks) {
        Matcher m = CommandTemplate.PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 32);
        while (m.find()) {
            Placeholder p = Placeholder.byName(m.group(1));
            String value = values.get(p).map(TemplateValues.Value::prose)
                    .orElseGet(() -> fallbacks.getOrDefault(p, "<" + p.templateName() + ">"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
