package dev.cfcheck.bot.render.terminal;

import static dev.cfcheck.bot.render.terminal.TerminalText.safe;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.ProbeResults;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Timings;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagnosis card as terminal text: verdict, summary, evidence, next steps with commands, and one line
 * per probe. Colour only when asked (a TTY); everything from the network goes through {@link TerminalText}.
 */
public final class TerminalRenderer {

    private static final int WIDTH = 100;
    private final Ansi ansi;

    public TerminalRenderer(boolean colour) {
        this.ansi = new Ansi(colour);
    }

    public String render(CheckReport report) {
        Verdict v = report.verdict();
        StringBuilder out = new StringBuilder();
        String headline = symbol(v.severity()) + " " + safe(v.code()) + (v.inferred() ? " (inferred)" : "")
                + "  " + safe(v.title());
        out.append(ansi.severity(v.severity(), ansi.bold(headline)))
                .append("  ").append(ansi.dim("[" + v.severity().json() + ", " + v.kind() + "]")).append('\n');
        out.append("  ").append(safe(report.target())).append(ansi.dim(
                "  checked " + report.checkedAt() + " in " + report.elapsedMs() + " ms"
                        + (report.cached() ? " (cached)" : ""))).append("\n\n");
        for (String line : wrap(safe(v.summary()), WIDTH - 2)) {
            out.append("  ").append(line).append('\n');
        }

        if (!v.evidence().isEmpty()) {
            out.append('\n').append(ansi.bold("Evidence")).append('\n');
            for (String e : v.evidence()) {
                out.append("  • ").append(safe(e)).append('\n');
            }
        }
        if (!report.findings().isEmpty()) {
            out.append('\n').append(ansi.bold("Also found")).append('\n');
            for (Finding f : report.findings()) {
                out.append("  ").append(ansi.severity(f.severity(), symbol(f.severity()))).append(' ')
                        .append(safe(f.code())).append("  ").append(safe(f.title()))
                        .append(ansi.dim(" [" + f.kind() + "]")).append('\n');
            }
        }
        if (!v.nextSteps().isEmpty()) {
            out.append('\n').append(ansi.bold("Next steps")).append('\n');
            int n = 1;
            for (NextStep step : v.nextSteps()) {
                List<String> lines = wrap(safe(step.text()), WIDTH - 6);
                out.append(String.format("  %d. %s%n", n++, lines.isEmpty() ? "" : lines.get(0)));
                for (String more : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    out.append("     ").append(more).append('\n');
                }
                if (step.command() != null && !step.command().isBlank()) {
                    for (String cmd : step.command().split("\n")) {
                        out.append("     ").append(ansi.dim("$ ")).append(safe(cmd)).append('\n');
                    }
                }
            }
        }
        List<String> probes = probeLines(report.probes());
        if (!probes.isEmpty()) {
            out.append('\n').append(ansi.bold("Probes")).append('\n');
            probes.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    private List<String> probeLines(ProbeResults probes) {
        List<String> lines = new ArrayList<>();
        if (probes == null) {
            return lines;
        }
        DnsResult dns = probes.dns();
        if (dns != null) {
            StringBuilder s = new StringBuilder("DNS     " + dns.status());
            if (!dns.addresses().isEmpty()) {
                s.append("  ").append(String.join(", ", dns.addresses()));
            }
            if (!dns.cnameChain().isEmpty()) {
                s.append("  via CNAME ").append(String.join(" → ", dns.cnameChain()));
            }
            s.append(dns.proxied() ? "  (Cloudflare addresses)" : "  (not Cloudflare addresses)");
            if (dns.zone() != null) {
                s.append("  zone ").append(dns.zone()).append(dns.cloudflareNameservers() ? " on Cloudflare NS" : "");
            }
            s.append("  ").append(dns.elapsedMs()).append(" ms");
            if (dns.detail() != null) {
                s.append("  ").append(dns.detail());
            }
            lines.add(safe(s.toString(), 400));
        }
        EdgeResult edge = probes.edge();
        if (edge != null) {
            if (edge.https() != null) {
                lines.add(safe("Edge    " + exchange(edge.https()), 400));
            }
            if (edge.http() != null) {
                lines.add(safe("Edge    " + exchange(edge.http()), 400));
            }
        }
        if (probes.origin() != null) {
            for (OriginResult o : probes.origin()) {
                StringBuilder s = new StringBuilder("Origin  " + o.address());
                for (PortCheck p : o.ports()) {
                    s.append("  :").append(p.port()).append(' ').append(p.state().name().toLowerCase())
                            .append(" (").append(p.connectMs()).append(" ms)");
                }
                if (o.http() != null) {
                    s.append("  GET ").append(o.http().status() != null ? o.http().status() : "no response");
                    if (o.http().firstByteMs() != null) {
                        s.append(" first byte ").append(o.http().firstByteMs()).append(" ms");
                    }
                    if (o.http().failure() != null) {
                        s.append(" (").append(o.http().failure().message()).append(')');
                    }
                }
                lines.add(safe(s.toString(), 400));
            }
        }
        if (probes.tls() != null) {
            for (TlsResult t : probes.tls()) {
                StringBuilder s = new StringBuilder("TLS     " + t.address() + ":" + t.port() + "  ");
                if (t.handshakeOk()) {
                    s.append(t.protocol()).append(' ').append(t.cipher());
                    if (t.daysLeft() != null) {
                        s.append(t.daysLeft() < 0 ? "  expired " + -t.daysLeft() + " days ago"
                                : "  expires in " + t.daysLeft() + " days");
                    }
                    s.append(Boolean.TRUE.equals(t.trusted()) ? "  trusted" : "  not trusted");
                    s.append(Boolean.FALSE.equals(t.hostnameMatches()) ? "  hostname mismatch" : "");
                    s.append(t.selfSigned() ? "  self-signed" : "");
                    s.append(t.cloudflareOriginCa() ? "  Cloudflare Origin CA" : "");
                } else {
                    s.append("handshake failed: ").append(t.failure());
                    if (t.failureDetail() != null) {
                        s.append(" (").append(t.failureDetail()).append(')');
                    }
                }
                lines.add(safe(s.toString(), 400));
            }
        }
        return lines;
    }

    private static String exchange(HttpExchange x) {
        StringBuilder s = new StringBuilder(x.url());
        if (x.status() != null) {
            s.append("  ").append(x.status());
        } else if (x.failure() != null) {
            s.append("  ").append(x.failure().kind()).append(": ").append(x.failure().message());
        }
        if (x.server() != null) {
            s.append("  server ").append(x.server());
        }
        if (x.colo() != null) {
            s.append("  colo ").append(x.colo());
            if (x.coloCity() != null) {
                s.append(" (").append(x.coloCity()).append(')');
            }
        }
        if (x.rayId() != null) {
            s.append("  ray ").append(x.rayId());
        }
        if (x.cacheStatus() != null) {
            s.append("  cache ").append(x.cacheStatus());
        }
        if (!x.redirects().isEmpty()) {
            s.append("  after ").append(x.redirects().size()).append(" redirect(s)");
        }
        Timings t = x.timings();
        if (t != null) {
            s.append(timing("connect", t.connectMs())).append(timing("tls", t.tlsMs()))
                    .append(timing("first byte", t.firstByteMs())).append(timing("total", t.totalMs()));
        }
        return s.toString();
    }

    private static String timing(String name, Long ms) {
        return ms == null ? "" : "  " + name + " " + ms + " ms";
    }

    private static String symbol(Severity severity) {
        return switch (severity) {
            case OK -> "✔";
            case INFO -> "ℹ";
            case WARNING -> "⚠";
            case CRITICAL -> "✖";
        };
    }

    /** Greedy word wrap; words longer than the width are left whole. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
