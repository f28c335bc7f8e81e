package dev.cfcheck.probes.status;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The words for Cloudflare's status page. Nothing on the card by itself: a failing check's verdict brings the
 * incidents that matter to it (the diagnosis's {@code CloudflareStatusRule}), and a healthy card needs no news
 * about Cloudflare's other data centres. Details lists what the page said.
 */
final class StatusDescriber implements Describer<StatusResult> {

    @Override
    public List<String> evidence(Target target, StatusResult result) {
        return List.of(); // the rule words what matters for the verdict; the rest is Details
    }

    @Override
    public List<ProbeField> fields(Target target, StatusResult result) {
        return List.of();
    }

    @Override
    public List<ProbeSection> sections(Target target, StatusResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("GET " + Words.clean(result.url()));
        StatusSummary s = result.summary();
        if (s == null) {
            lines.add("not read: " + Words.failure(result.failure()));
            return List.of(new ProbeSection("Cloudflare status", lines));
        }
        lines.add(s.description() == null ? "indicator " + Words.clean(s.indicator()) : Words.clean(s.description()));
        for (StatusSummary.Incident i : s.incidents()) {
            lines.add("incident: " + i.words());
        }
        int shown = 0;
        for (StatusSummary.Component c : s.degraded()) {
            if (shown++ == 10) {
                lines.add("… and " + (s.degraded().size() - 10) + " more components not operational");
                break;
            }
            lines.add(Words.clean(c.name()) + ": " + c.statusWords());
        }
        return List.of(new ProbeSection("Cloudflare status", lines));
    }

    /** The status page is never the site's fault: there is nothing here for the diagnosis to explain. */
    @Override
    public List<ProbeFailure> failures(Target target, StatusResult result) {
        return List.of();
    }
}
