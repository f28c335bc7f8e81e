package dev.cfcheck.probes.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfcheck.probes.OneLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Cloudflare's status page ({@code /api/v2/summary.json}, Atlassian Statuspage) says, reduced to what a
 * card can use: the overall indicator, the unresolved incidents, and the components that are not operational.
 * Every text is made single-line and bounded here: the page is network input like any other.
 *
 * @param indicator   Statuspage's overall indicator: none, minor, major, critical, maintenance
 * @param description its words ("All Systems Operational", "Minor Service Outage")
 * @param incidents   unresolved incidents, newest first as the page lists them, at most {@link #MAX_INCIDENTS}
 * @param degraded    components not operational, at most {@link #MAX_DEGRADED}
 */
public record StatusSummary(String indicator, String description, List<Incident> incidents,
        List<Component> degraded) {

    static final int MAX_INCIDENTS = 10;
    static final int MAX_DEGRADED = 100;

    /** Component names end with the data centre's code: "London, United Kingdom - (LHR)". */
    private static final Pattern COLO = Pattern.compile("\\(([A-Z]{3})\\)\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public StatusSummary {
        incidents = List.copyOf(incidents);
        degraded = List.copyOf(degraded);
    }

    /**
     * One unresolved incident.
     *
     * @param name      its title
     * @param status    investigating, identified, monitoring
     * @param impact    none, minor, major, critical
     * @param shortlink the incident's page, or {@code null}
     */
    public record Incident(String name, String status, String impact, String shortlink) {

        /** "Elevated errors in Europe (major, identified) https://stspg.io/x": already cleaned at parse. */
        public String words() {
            StringBuilder b = new StringBuilder(name == null ? "unnamed incident" : name);
            List<String> state = new ArrayList<>();
            if (impact != null && !impact.equals("none")) {
                state.add(impact);
            }
            if (status != null) {
                state.add(status);
            }
            if (!state.isEmpty()) {
                b.append(" (").append(String.join(", ", state)).append(')');
            }
            if (shortlink != null) {
                b.append(' ').append(shortlink);
            }
            return b.toString();
        }
    }

    /**
     * A component that is not operational.
     *
     * @param name   as the page names it
     * @param status degraded_performance, partial_outage, major_outage, under_maintenance
     * @param colo   the data-centre code in the name, or {@code null} for a component that is not a data centre
     */
    public record Component(String name, String status, String colo) {

        /** The status in words: "partial outage". */
        public String statusWords() {
            return status == null ? "not operational" : status.replace('_', ' ');
        }
    }

    /** True when the page lists anything but "all operational". */
    public boolean troubled() {
        return !incidents.isEmpty() || !degraded.isEmpty();
    }

    /** The not-operational components at one data centre. */
    public List<Component> degradedAt(String colo) {
        if (colo == null) {
            return List.of();
        }
        String code = colo.toUpperCase(Locale.ROOT);
        return degraded.stream().filter(c -> code.equals(c.colo())).toList();
    }

    /** Parses a summary document; throws when it is not JSON or not a Statuspage summary. */
    public static StatusSummary parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject() || !root.path("status").isObject()) {
            throw new IOException("not a Statuspage summary (no \"status\" object)");
        }
        List<Incident> incidents = new ArrayList<>();
        for (JsonNode i : root.path("incidents")) {
            if (incidents.size() == MAX_INCIDENTS) {
                break;
            }
            if (!"resolved".equals(i.path("status").asText()) && !"postmortem".equals(i.path("status").asText())) {
                incidents.add(new Incident(text(i, "name"), text(i, "status"), text(i, "impact"),
                        text(i, "shortlink")));
            }
        }
        List<Component> degraded = new ArrayList<>();
        for (JsonNode c : root.path("components")) {
            String status = c.path("status").asText("");
            if (degraded.size() < MAX_DEGRADED && !status.isEmpty() && !"operational".equals(status)
                    && !c.path("group").asBoolean(false)) {
                String name = text(c, "name");
                degraded.add(new Component(name, OneLine.of(status, 40), coloOf(name)));
            }
        }
        JsonNode status = root.path("status");
        return new StatusSummary(text(status, "indicator"), text(status, "description"), incidents, degraded);
    }

    static String coloOf(String componentName) {
        if (componentName == null) {
            return null;
        }
        Matcher m = COLO.matcher(componentName);
        return m.find() ? m.group(1) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? OneLine.of(v.asText(), 200) : null;
    }
}
