package dev.cfcheck.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.ReportJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Every string a report carries, read from its JSON (what {@code --json}, the cache, the card and Details are made
 * from), and the rule network text must meet there: bounded, and nothing a reader cannot see.
 */
public final class ReportStrings {

    /** The longest string a report may hold: a URL clipped at 2 KiB ({@code NetworkText.MAX_URL}). */
    public static final int MAX_LENGTH = 2048;
    /** The most a whole report may weigh as JSON, however the site answered. */
    public static final int MAX_JSON = 64 * 1024;

    private ReportStrings() {
    }

    /** Every string value in the report's JSON, in document order. */
    public static List<String> of(CheckReport report) {
        List<String> out = new ArrayList<>();
        collect(ReportJson.mapper().valueToTree(report), out);
        return out;
    }

    /**
     * Asserts the report's JSON is at most {@link #MAX_JSON}, each string at most {@link #MAX_LENGTH} characters,
     * and no string holds a control character (line breaks included), a format character (bidi overrides and
     * isolates, zero-width), a lone surrogate, a private-use or an unassigned code point.
     */
    public static void assertBoundedAndVisible(CheckReport report) {
        assertThat(ReportJson.writeLine(report).length()).as("the report's JSON").isLessThanOrEqualTo(MAX_JSON);
        for (String s : of(report)) {
            assertThat(s.length()).as("length of %s", preview(s)).isLessThanOrEqualTo(MAX_LENGTH);
            s.codePoints().forEach(cp -> assertThat(hidden(cp))
                    .as("U+%04X in %s", cp, preview(s)).isFalse());
        }
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    private static String preview(String s) {
        String shown = s.length() > 120 ? s.substring(0, 120) + "…" : s;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> out.append(hidden(cp) ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return "\"" + out + "\"";
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isContainerNode()) {
            node.fieldNames().forEachRemaining(out::add);
            node.forEach(child -> collect(child, out));
        }
    }
}
