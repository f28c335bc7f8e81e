package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence under every verdict: each probe's lines in registration order, as its describer words them,
 * then what the config says about the domain. Facts only; what they mean is the knowledge base's job.
 */
public final class ProbeEvidence {

    private ProbeEvidence() {
    }

    public static List<String> lines(Observations seen) {
        List<String> out = new ArrayList<>();
        for (ProbeResults.Entry<?> entry : seen.input().probes().entries()) {
            out.addAll(entry.evidence(seen.target()));
        }
        if (seen.dnsUsable() && seen.exchanges().isEmpty()) {
            out.add("edge: not probed");
        }
        if (seen.settings().sslMode() != null) {
            out.add("config: SSL mode " + sslModeLabel(seen.settings().sslMode()));
        }
        if (seen.settings().notes() != null && !seen.settings().notes().isBlank()) {
            out.add("note: " + OneLine.of(seen.settings().notes(), 300));
        }
        return out;
    }

    /** "edge https" or "edge http". */
    static String label(HttpExchange x) {
        return x.url() != null && x.url().regionMatches(true, 0, "http:", 0, 5) ? "edge http" : "edge https";
    }

    public static String sslModeLabel(SslMode mode) {
        return mode.label();
    }
}
