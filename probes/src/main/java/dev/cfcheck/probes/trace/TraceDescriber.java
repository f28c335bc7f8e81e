package dev.cfcheck.probes.trace;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;

/** The words for the edge's {@code /cdn-cgi/trace}. */
final class TraceDescriber implements Describer<TraceResult> {

    private static final String NOT_A_TRACE_WHY = "a Worker route or custom rule may answer /cdn-cgi/trace";

    /** "trace: colo LHR (London, United Kingdom), http/2, TLSv1.3, warp off". */
    @Override
    public List<String> evidence(Target target, TraceResult result) {
        return List.of("trace: " + summary(result));
    }

    @Override
    public List<ProbeField> fields(Target target, TraceResult result) {
        if (result.trace() == null) {
            // Failed to connect: the edge probe's field already says so. Not a trace: a detail for Details.
            return List.of();
        }
        return List.of(new ProbeField("Edge", summary(result)));
    }

    @Override
    public List<ProbeSection> sections(Target target, TraceResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("GET " + Words.clean(result.url()) + (result.address() != null
                ? " via " + Words.clean(result.address()) : ""));
        TraceBody t = result.trace();
        if (t == null) {
            lines.add(summary(result));
            return List.of(new ProbeSection("Cloudflare trace", lines));
        }
        lines.add("colo " + colo(result));
        add(lines, "http ", t.http());
        add(lines, "tls ", t.tls());
        add(lines, "key exchange ", t.kex());
        add(lines, "sni ", t.sni());
        add(lines, "warp ", t.warp());
        add(lines, "gateway ", t.gateway());
        add(lines, "seen from country ", t.loc());
        return List.of(new ProbeSection("Cloudflare trace", lines));
    }

    /**
     * None, whatever happened. The trace confirms which edge answers; it is never the fault itself:
     * <ul>
     * <li>a 404 or another body on a Cloudflare host is a Worker route or rule covering the path, not a broken
     *     site: a note in the evidence, and a failure here would turn a healthy verdict inconclusive;
     * <li>a network failure goes to the same addresses and port as the edge probe's https request, which
     *     reports that same fact as its own failure (counting it twice would make the diagnosis explain it
     *     twice); and when the edge answered, a trace that did not is no fault visitors see.
     * </ul>
     */
    @Override
    public List<ProbeFailure> failures(Target target, TraceResult result) {
        return List.of();
    }

    private static String summary(TraceResult r) {
        TraceBody t = r.trace();
        if (t != null) {
            List<String> parts = new ArrayList<>();
            parts.add("colo " + colo(r));
            add(parts, "", t.http());
            add(parts, "", t.tls());
            add(parts, "warp ", t.warp());
            if (t.gateway() != null && !t.gateway().equals("off")) {
                parts.add("gateway " + t.gateway());
            }
            return String.join(", ", parts);
        }
        if (r.notATrace()) {
            return r.status() + " from the edge, not a Cloudflare trace (" + NOT_A_TRACE_WHY + ")";
        }
        return "not fetched: " + Words.failure(r.failure());
    }

    private static String colo(TraceResult r) {
        String code = Words.clean(r.trace().colo());
        return r.coloCity() == null ? code : code + " (" + Words.clean(r.coloCity()) + ")";
    }

    private static void add(List<String> out, String label, String value) {
        if (value != null) {
            out.add(label + Words.clean(value));
        }
    }
}
