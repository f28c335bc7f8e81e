package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The words for the edge's exchanges. */
final class EdgeDescriber implements Describer<EdgeResult> {

    @Override
    public List<String> evidence(Target target, EdgeResult edge) {
        List<String> out = new ArrayList<>();
        for (HttpExchange x : exchanges(edge)) {
            out.add(exchange(x));
            if (!x.redirects().isEmpty()) {
                out.add(label(x) + ": " + redirects(x));
            }
        }
        return out;
    }

    @Override
    public List<ProbeField> fields(Target target, EdgeResult edge) {
        return List.of();
    }

    @Override
    public List<ProbeSection> sections(Target target, EdgeResult edge) {
        return List.of();
    }

    @Override
    public List<ProbeFailure> failures(Target target, EdgeResult edge) {
        return exchanges(edge).stream()
                .filter(x -> x.failure() != null)
                .map(x -> new ProbeFailure(EdgeProbe.KEY.name(), scheme(x), x.failure().kind(), exchange(x)))
                .toList();
    }

    private static List<HttpExchange> exchanges(EdgeResult edge) {
        return Stream.of(edge.https(), edge.http()).filter(x -> x != null).toList();
    }

    /** "https" or "http": which of the two exchanges. */
    static String scheme(HttpExchange x) {
        return x.url() != null && x.url().regionMatches(true, 0, "http:", 0, 5) ? "http" : "https";
    }

    static String label(HttpExchange x) {
        return "edge " + scheme(x);
    }

    /** "edge https: 522 from cloudflare (colo DTW, ray a23c92d51bc8a952), Cloudflare error page 522". */
    static String exchange(HttpExchange x) {
        StringBuilder b = new StringBuilder(label(x)).append(": ");
        if (!x.answered()) {
            b.append("no answer");
            if (x.address() != null) {
                b.append(" from ").append(Words.clean(x.address()));
            }
            if (x.timings() != null && x.timings().connectMs() != null) {
                b.append(" (connected in ").append(x.timings().connectMs()).append(" ms)");
            }
            if (x.failure() != null) {
                b.append(": ").append(Words.failure(x.failure()));
            }
            return b.toString();
        }
        b.append(x.status());
        b.append(x.server() != null ? " from " + Words.clean(x.server()) : "");
        List<String> cf = new ArrayList<>();
        if (x.colo() != null) {
            cf.add("colo " + Words.clean(x.colo()) + (x.coloCity() != null ? " in " + Words.clean(x.coloCity()) : ""));
        }
        String ray = x.rayId() != null ? x.rayId() : x.page() != null ? x.page().rayId() : null;
        if (ray != null) {
            cf.add("ray " + Words.clean(ray));
        }
        if (x.cacheStatus() != null) {
            cf.add("cf-cache-status " + Words.clean(x.cacheStatus()));
        }
        if (!cf.isEmpty()) {
            b.append(" (").append(String.join(", ", cf)).append(")");
        } else if (x.cfRay() == null) {
            b.append(" (no cf-ray)");
        }
        CloudflarePage page = x.page();
        if (page != null) {
            b.append(", ").append(switch (page.type()) {
                case ERROR -> "Cloudflare error page";
                case CHALLENGE -> "Cloudflare challenge page";
                case BLOCKED -> "Cloudflare block page";
            });
            if (page.code() != null) {
                b.append(' ').append(Words.clean(page.code()));
            }
            if (page.title() != null) {
                b.append(" \"").append(Words.clean(page.title())).append('"');
            }
        }
        if (x.mitigated() != null) {
            b.append(", cf-mitigated: ").append(Words.clean(x.mitigated()));
        }
        if (x.timings() != null && x.timings().firstByteMs() != null) {
            b.append(", first byte after ").append(x.timings().firstByteMs()).append(" ms");
        }
        if (x.finalUrl() != null && x.url() != null && !x.finalUrl().equals(x.url())) {
            b.append(", at ").append(Words.clean(x.finalUrl()));
        }
        if (x.failure() != null) {
            b.append(", then ").append(Words.failure(x.failure()));
        }
        return b.toString();
    }

    private static String redirects(HttpExchange x) {
        List<Redirect> hops = x.redirects();
        StringBuilder b = new StringBuilder(x.redirectLoop() ? "redirect loop, " : "").append(hops.size())
                .append(hops.size() == 1 ? " redirect: " : " redirects: ");
        int shown = Math.min(hops.size(), 3);
        for (int i = 0; i < shown; i++) {
            Redirect r = hops.get(i);
            if (i > 0) {
                b.append("; ");
            }
            b.append(r.status()).append(' ').append(Words.clean(r.from())).append(" → ").append(Words.clean(r.location()));
        }
        if (hops.size() > shown) {
            b.append("; ...");
        }
        return b.toString();
    }
}
