package dev.cfcheck.probes.edge;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.tls.CertificateWords;
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
        HttpExchange asked = edge.asked(target);
        if (asked == null) {
            return List.of();
        }
        List<ProbeField> out = new ArrayList<>();
        out.add(new ProbeField(ProbeField.EDGE, String.join("\n", fieldLines(asked, edge.other(target)))));
        if (edge.https() != null && edge.https().certificate() != null) {
            out.add(new ProbeField(ProbeField.CERTIFICATE, "edge: " + Words.expiry(edge.https().certificate().daysLeft())));
        }
        List<String> phases = phases(asked.timings());
        if (!phases.isEmpty()) {
            out.add(new ProbeField(ProbeField.TIMINGS, String.join(" · ", phases)));
        }
        return out;
    }

    @Override
    public List<ProbeSection> sections(Target target, EdgeResult edge) {
        return exchanges(edge).stream().map(x -> new ProbeSection("Edge (" + scheme(x) + ")", detailLines(x))).toList();
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
        String ray = ray(x);
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
            b.append(", ").append(pageName(page));
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

    /** The card's few lines: the asked-for exchange, and the other one only when it tells something else. */
    private static List<String> fieldLines(HttpExchange x, HttpExchange other) {
        List<String> lines = new ArrayList<>();
        boolean both = other != null && other.answered() != x.answered();
        lines.add((both ? scheme(x) + ": " : "") + outcome(x));
        if (x.redirectLoop()) {
            lines.add("redirect loop after " + x.redirects().size() + " hops");
        }
        if (both) {
            lines.add(scheme(other) + ": " + outcome(other));
        }
        if (x.colo() != null) {
            lines.add("colo " + Words.clean(x.colo()) + (x.coloCity() == null ? "" : " (" + Words.clean(x.coloCity()) + ")"));
        }
        String ray = ray(x);
        if (ray != null) {
            lines.add("Ray ID " + Words.clean(ray));
        }
        return lines;
    }

    /** "HTTP 522 · Cloudflare error page 522", "no answer: no answer by the deadline". */
    private static String outcome(HttpExchange x) {
        if (!x.answered()) {
            return "no answer: " + Words.failure(x.failure());
        }
        String status = "HTTP " + x.status();
        if (x.page() != null) {
            status += " · " + pageName(x.page());
        } else if (!x.viaCloudflare()) {
            status += " · not via Cloudflare";
        }
        return x.failure() == null ? status : status + ", then " + Words.failure(x.failure());
    }

    private static List<String> detailLines(HttpExchange x) {
        List<String> lines = new ArrayList<>();
        lines.add("GET " + Words.detail(x.url()) + (x.address() == null ? "" : " via " + Words.detail(x.address())));
        if (x.finalUrl() != null && !x.finalUrl().equals(x.url())) {
            lines.add("final URL " + Words.detail(x.finalUrl()));
        }
        for (Redirect r : x.redirects()) {
            lines.add("redirect " + r.status() + " → " + Words.detail(r.location()));
        }
        if (x.redirectLoop()) {
            lines.add("redirect loop");
        }
        if (x.answered()) {
            lines.add("status " + x.status());
        }
        optional(lines, "server", x.server());
        optional(lines, "cf-ray", x.cfRay());
        if (x.colo() != null) {
            lines.add("colo " + Words.detail(x.colo()) + (x.coloCity() == null ? "" : " (" + Words.detail(x.coloCity()) + ")"));
        }
        optional(lines, "cf-cache-status", x.cacheStatus());
        optional(lines, "cf-mitigated", x.mitigated());
        optional(lines, "retry-after", x.retryAfter());
        if (x.page() != null) {
            lines.add("page: " + pageName(x.page())
                    + (x.page().title() == null ? "" : ", \"" + Words.detail(x.page().title()) + "\"")
                    + (x.page().rayId() == null ? "" : ", Ray ID " + Words.detail(x.page().rayId())));
        }
        List<String> phases = phases(x.timings());
        lines.add("timings: " + (phases.isEmpty() ? "none" : String.join(", ", phases)));
        if (x.certificate() != null) {
            lines.add("certificate: " + CertificateWords.line(x.certificate()));
        }
        if (x.failure() != null) {
            lines.add("failure: " + Words.failure(x.failure()));
        }
        return lines;
    }

    /** "connect 8 ms", "TLS 20 ms", "first byte 15.0 s", "total 15.0 s": the phases that were measured. */
    private static List<String> phases(Timings t) {
        List<String> parts = new ArrayList<>();
        if (t != null) {
            phase(parts, "connect", t.connectMs());
            phase(parts, "TLS", t.tlsMs());
            phase(parts, "first byte", t.firstByteMs());
            phase(parts, "total", t.totalMs());
        }
        return parts;
    }

    private static void phase(List<String> parts, String name, Long ms) {
        if (ms != null) {
            parts.add(name + " " + Words.duration(ms));
        }
    }

    private static void optional(List<String> lines, String name, String value) {
        if (value != null) {
            lines.add(name + ": " + Words.detail(value));
        }
    }

    private static String ray(HttpExchange x) {
        return x.rayId() != null ? x.rayId() : x.page() != null ? x.page().rayId() : null;
    }

    /** "Cloudflare error page 522", "Cloudflare challenge", "blocked by Cloudflare 1020". */
    static String pageName(CloudflarePage page) {
        String kind = switch (page.type()) {
            case ERROR -> "Cloudflare error page";
            case CHALLENGE -> "Cloudflare challenge page";
            case BLOCKED -> "Cloudflare block page";
        };
        return page.code() == null ? kind : kind + " " + Words.clean(page.code());
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
