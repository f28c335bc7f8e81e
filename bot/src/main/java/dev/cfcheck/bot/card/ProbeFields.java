package dev.cfcheck.bot.card;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card's evidence fields, as each probe's describer words them: fields with the same label are joined,
 * the built-in labels come first in a fixed order (a reader finds DNS in the same place on every card), and a
 * new probe's own labels follow in registration order. Nothing here knows a probe.
 */
final class ProbeFields {

    private static final Map<String, String> ALWAYS_SHOWN = orderedDefaults();

    private ProbeFields() {
    }

    static List<CardField> of(CheckReport report) {
        ProbeResults probes = report.probes() == null ? ProbeResults.EMPTY : report.probes();
        Target target = Target.ofReport(report.domain(), report.target());
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        ALWAYS_SHOWN.keySet().forEach(label -> byLabel.put(label, new ArrayList<>()));
        // A probe that did not run speaks for a label only when no probe that ran does: "origin unknown (add
        // origin=IP)" is wrong once another probe found the origin is a Cloudflare Tunnel.
        Map<String, List<String>> notRun = new LinkedHashMap<>();
        for (ProbeResults.Entry<?> entry : probes.entries()) {
            Map<String, List<String>> into = entry.result() == null ? notRun : byLabel;
            for (ProbeField f : entry.fields(target)) {
                into.computeIfAbsent(f.label(), l -> new ArrayList<>()).add(f.value());
                byLabel.computeIfAbsent(f.label(), l -> new ArrayList<>());
            }
        }
        notRun.forEach((label, values) -> {
            if (byLabel.get(label).isEmpty()) {
                byLabel.get(label).addAll(values);
            }
        });
        List<CardField> out = new ArrayList<>();
        byLabel.forEach((label, values) -> {
            String shown = values.isEmpty() ? ALWAYS_SHOWN.get(label) : String.join(joiner(label), values);
            if (shown != null) {
                out.add(new CardField(label, shown));
            }
        });
        return out;
    }

    // Timings from several probes read as one line: "DNS 12 ms · connect 8 ms · first byte 19.0 s".
    private static String joiner(String label) {
        return ProbeField.TIMINGS.equals(label) ? " · " : "\n";
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ProbeField.DNS, "not checked");
        m.put(ProbeField.EDGE, "not checked");
        m.put(ProbeField.ORIGIN, "not checked");
        m.put(ProbeField.CERTIFICATE, "not seen");
        m.put(ProbeField.TIMINGS, "none measured");
        return m;
    }
}
