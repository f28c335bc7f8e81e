package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.status.StatusPageProbe;
import dev.cfcheck.probes.status.StatusResult;
import dev.cfcheck.probes.status.StatusSummary;
import dev.cfcheck.probes.trace.TraceProbe;
import dev.cfcheck.probes.trace.TraceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * "Them or us": when the check fails and Cloudflare's status page reports unresolved incidents, or a problem at
 * the data centre that served this check, a finding says so beside the verdict. Never a verdict of its own (its
 * rank is below every failure) and never on a site that works: Cloudflare's news from elsewhere is not this
 * site's.
 */
public final class CloudflareStatusRule implements Rule {

    /** Incidents named on the card at most; Details lists them all. */
    static final int NAMED = 3;

    @Override
    public List<Candidate> evaluate(Observations seen) {
        StatusResult status = seen.input().probes().get(StatusPageProbe.KEY);
        if (status == null || status.summary() == null || !failing(seen)) {
            return List.of();
        }
        StatusSummary summary = status.summary();
        String colo = servingColo(seen);
        List<StatusSummary.Component> atColo = summary.degradedAt(colo);
        if (summary.incidents().isEmpty() && atColo.isEmpty()) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.CLOUDFLARE_INCIDENT, null)
                .withValue(Placeholder.CLOUDFLARE_STATUS, words(summary, atColo));
        for (StatusSummary.Component component : atColo) {
            c = c.withEvidence("Cloudflare status: " + component.name() + " " + component.statusWords());
        }
        for (StatusSummary.Incident incident : summary.incidents()) {
            c = c.withEvidence("Cloudflare status: incident " + incident.words());
        }
        return List.of(c);
    }

    /** The asked-for URL got no whole answer, or an error (5xx or a page Cloudflare wrote). */
    private static boolean failing(Observations seen) {
        HttpExchange x = seen.primary();
        return !seen.primaryComplete() || x.status() >= 500 || x.page() != null;
    }

    /** The data centre that answered: the edge's {@code cf-ray}, else the trace's. */
    private static String servingColo(Observations seen) {
        HttpExchange x = seen.primary();
        if (x != null && x.colo() != null) {
            return x.colo();
        }
        TraceResult trace = seen.input().probes().get(TraceProbe.KEY);
        return trace == null || trace.trace() == null ? null : trace.trace().colo();
    }

    /** "2 unresolved incidents (Elevated errors in Europe; ...) and LHR (London) in partial outage". */
    private static String words(StatusSummary summary, List<StatusSummary.Component> atColo) {
        List<String> parts = new ArrayList<>();
        List<StatusSummary.Incident> incidents = summary.incidents();
        if (!incidents.isEmpty()) {
            List<String> names = incidents.stream().limit(NAMED)
                    .map(i -> i.name() == null ? "unnamed" : i.name()).toList();
            String more = incidents.size() > NAMED ? "; and " + (incidents.size() - NAMED) + " more" : "";
            parts.add(incidents.size() + (incidents.size() == 1 ? " unresolved incident (" : " unresolved incidents (")
                    + String.join("; ", names) + more + ")");
        }
        for (StatusSummary.Component component : atColo) {
            parts.add("the serving data centre " + component.name() + " in " + component.statusWords());
        }
        return String.join(" and ", parts);
    }
}
