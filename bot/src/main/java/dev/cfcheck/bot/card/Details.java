package dev.cfcheck.bot.card;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.edge.Timings;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full evidence behind a card, shown only to the person who asks for it (ephemeral), so origin
 * addresses are not redacted here. Every line may carry network data: renderers escape it.
 *
 * @param domain      the host checked
 * @param referenceId the id of the check
 * @param sections    titled groups of lines, verdict first
 */
public record Details(String domain, String referenceId, List<DetailSection> sections) {

    private static final int LINE_MAX = 300;

    public Details {
        sections = List.copyOf(sections);
    }

    public static Details from(CheckReport report, String referenceId) {
        List<DetailSection> sections = new ArrayList<>();
        sections.add(verdict(report.verdict()));
        if (!report.findings().isEmpty()) {
            sections.add(new DetailSection("Other findings", report.findings().stream().map(Details::finding).toList()));
        }
        ProbeResults p = report.probes();
        if (p != null) {
            if (p.get(DnsProbe.KEY) != null) {
                sections.add(dns(p.get(DnsProbe.KEY)));
            }
            EdgeResult edge = p.get(EdgeProbe.KEY);
            if (edge != null) {
                if (edge.https() != null) {
                    sections.add(exchange("Edge (https)", edge.https()));
                }
                if (edge.http() != null) {
                    sections.add(exchange("Edge (http)", edge.http()));
                }
            }
            if (p.get(OriginsProbe.KEY) != null) {
                p.get(OriginsProbe.KEY).forEach(o -> sections.add(origin(o)));
            }
            if (p.get(OriginTlsProbe.KEY) != null) {
                p.get(OriginTlsProbe.KEY).forEach(t -> sections.add(tls(t)));
            }
        }
        List<String> steps = new ArrayList<>();
        List<NextStep> next = report.verdict().nextSteps();
        for (int i = 0; i < next.size(); i++) {
            steps.add((i + 1) + ". " + line(next.get(i).text()));
            if (next.get(i).command() != null) {
                steps.add("   $ " + Clip.line(next.get(i).command(), 1000));
            }
        }
        if (!steps.isEmpty()) {
            sections.add(new DetailSection("Next steps", steps));
        }
        return new Details(report.domain(), referenceId, sections);
    }

    private static DetailSection verdict(Verdict v) {
        List<String> lines = new ArrayList<>();
        lines.add("kind " + v.kind() + ", code " + line(v.code()) + (v.inferred() ? " (inferred)" : "")
                + ", severity " + v.severity().json());
        lines.add(line(v.title()));
        v.evidence().forEach(e -> lines.add("• " + line(e)));
        return new DetailSection("Verdict", lines);
    }

    private static String finding(Finding f) {
        return f.severity().json() + " " + f.kind() + " " + line(f.code()) + ": " + line(f.title());
    }

    private static DetailSection dns(DnsResult d) {
        List<String> lines = new ArrayList<>();
        lines.add("resolver " + line(d.resolver()) + ", status " + d.status() + ", " + Elapsed.millis(d.elapsedMs()));
        if (!d.cnameChain().isEmpty()) {
            lines.add("CNAME " + line(String.join(" → ", d.cnameChain())));
        }
        if (!d.ipv4().isEmpty()) {
            lines.add("A " + line(String.join(", ", d.ipv4())));
        }
        if (!d.ipv6().isEmpty()) {
            lines.add("AAAA " + line(String.join(", ", d.ipv6())));
        }
        if (d.zone() != null) {
            lines.add("zone " + line(d.zone()) + (d.cloudflareNameservers() ? " (Cloudflare nameservers)" : ""));
        }
        if (!d.nameservers().isEmpty()) {
            lines.add("NS " + line(String.join(", ", d.nameservers())));
        }
        lines.add(d.proxied() ? "in Cloudflare ranges: " + line(String.join(", ", d.cloudflareAddresses())) : "no address in Cloudflare ranges");
        if (d.detail() != null) {
            lines.add(line(d.detail()));
        }
        return new DetailSection("DNS", lines);
    }

    private static DetailSection exchange(String title, HttpExchange x) {
        List<String> lines = new ArrayList<>();
        lines.add("GET " + line(x.url()) + (x.address() == null ? "" : " via " + line(x.address())));
        if (x.finalUrl() != null && !x.finalUrl().equals(x.url())) {
            lines.add("final URL " + line(x.finalUrl()));
        }
        for (Redirect r : x.redirects()) {
            lines.add("redirect " + r.status() + " → " + line(r.location()));
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
            lines.add("colo " + line(x.colo()) + (x.coloCity() == null ? "" : " (" + line(x.coloCity()) + ")"));
        }
        optional(lines, "cf-cache-status", x.cacheStatus());
        optional(lines, "cf-mitigated", x.mitigated());
        optional(lines, "retry-after", x.retryAfter());
        if (x.page() != null) {
            lines.add("page: " + EvidenceSummary.pageName(x.page())
                    + (x.page().title() == null ? "" : ", \"" + line(x.page().title()) + "\"")
                    + (x.page().rayId() == null ? "" : ", Ray ID " + line(x.page().rayId())));
        }
        lines.add("timings: " + timings(x.timings()));
        if (x.certificate() != null) {
            lines.add("certificate: " + certificate(x.certificate()));
        }
        if (x.failure() != null) {
            lines.add("failure: " + EvidenceSummary.failure(x.failure()));
        }
        return new DetailSection(title, lines);
    }

    private static DetailSection origin(OriginResult o) {
        List<String> lines = new ArrayList<>();
        for (PortCheck p : o.ports()) {
            lines.add("TCP " + p.port() + " " + p.state().name().toLowerCase(Locale.ROOT) + " in " + Elapsed.millis(p.connectMs())
                    + (p.detail() == null ? "" : " (" + line(p.detail()) + ")"));
        }
        OriginHttp h = o.http();
        if (h != null) {
            lines.add("GET " + line(h.url()) + ": "
                    + (h.status() != null ? "status " + h.status() : "no answer, " + EvidenceSummary.failure(h.failure()))
                    + (h.firstByteMs() == null ? "" : ", first byte " + Elapsed.millis(h.firstByteMs())));
            optional(lines, "server", h.server());
        }
        return new DetailSection("Origin " + line(o.address()), lines);
    }

    private static DetailSection tls(TlsResult t) {
        List<String> lines = new ArrayList<>();
        lines.add("SNI " + line(t.serverName()) + ", handshake " + (t.handshakeOk() ? "ok" : "failed")
                + (t.handshakeMs() == null ? "" : " in " + Elapsed.millis(t.handshakeMs())));
        if (t.protocol() != null || t.cipher() != null) {
            lines.add(line(t.protocol()) + " " + line(t.cipher()));
        }
        if (t.failure() != null) {
            lines.add("failure: " + EvidenceSummary.tlsFailure(t.failure())
                    + (t.failureDetail() == null ? "" : " (" + line(t.failureDetail()) + ")"));
        }
        if (t.hostnameMatches() != null) {
            lines.add("hostname " + (t.hostnameMatches() ? "matches" : "does not match"));
        }
        if (t.trusted() != null) {
            lines.add(t.trusted() ? "trusted chain" : "untrusted chain");
        }
        if (t.selfSigned()) {
            lines.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            lines.add("issued by Cloudflare Origin CA");
        }
        for (CertificateInfo c : t.chain()) {
            lines.add("cert: " + certificate(c));
        }
        return new DetailSection("TLS " + line(t.address()) + ":" + t.port(), lines);
    }

    private static String certificate(CertificateInfo c) {
        return line(c.subject()) + ", issuer " + line(c.issuer()) + ", until " + c.notAfter() + " (" + EvidenceSummary.days(c.daysLeft()) + ")";
    }

    private static String timings(Timings t) {
        List<String> phases = EvidenceSummary.phases(t);
        return phases.isEmpty() ? "none" : String.join(", ", phases);
    }

    private static void optional(List<String> lines, String name, String value) {
        if (value != null) {
            lines.add(name + ": " + line(value));
        }
    }

    private static String line(String s) {
        return s == null ? "-" : Clip.line(s, LINE_MAX);
    }
}
