package dev.cfcheck.probes;

import java.util.List;

/**
 * One titled group of lines in Details.
 *
 * @param title "Edge (https)", "Origin 203.0.113.7"
 * @param lines the lines, in order
 */
public record ProbeSection(String title, List<String> lines) {

    public ProbeSection {
        lines = List.copyOf(lines);
    }
}
