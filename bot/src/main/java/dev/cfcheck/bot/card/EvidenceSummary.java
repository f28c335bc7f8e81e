package dev.cfcheck.bot.card;

import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Timings;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The five card fields: each probe's result in a few short lines. Values from the network are
 * flattened and clipped here; escaping is the renderer's job.
 */
final class EvidenceSummary {

    static final String DNS = "DNS";
    static final String EDGE = "Edge";
    static final String ORIGIN = "Origin";
    static final String CERTIFICATE = "Certificate";
    static final String TIMINGS = "Timings";

    private static final int VALUE_MAX = 120;
    private static final int MAX_ORIGINS = 3;
    private static final int MAX_ADDRESSES = 3;

    private EvidenceSummary() {
    }

    static List<CardField> fields(ProbeResults probes) {
        ProbeResults p = probes == null ? ProbeResults.EMPTY : probes;
        DnsResult dns = p.get(DnsProbe.KEY);
        EdgeResult edge = p.get(EdgeProbe.KEY);
        List<TlsResult> tls = p.get(OriginTlsProbe.KEY);
        return List.of(
                new CardField(DNS, dns(dns)),
                new CardField(EDGE, edge(edge)),
                new CardField(ORIGIN, origin(p.get(OriginsProbe.KEY), tls)),
                new CardField(CERTIFICATE, certificate(edge, tls)),
                new CardField(TIMINGS, timings(dns, edge)));
    }

    static String dns(DnsResult dns) {
        if (dns == null) {
            return "not checked";
        }
        if (dns.status() != DnsStatus.OK) {
            String line = dns.status().name();
            return dns.detail() == null ? line : line + "\n" + v(dns.detail());
        }
        List<String> lines = new ArrayList<>();
        List<String> addresses = dns.addresses();
        String shown = String.join(", ", addresses.stream().limit(MAX_ADDRESSES).map(EvidenceSummary::v).toList());
        if (addresses.size() > MAX_ADDRESSES) {
            shown += " +" + (addresses.size() - MAX_ADDRESSES) + " more";
        }
        lines.add(shown);
        lines.add(dns.proxied() ? "proxied by Cloudflare" : "not proxied (DNS only)");
        if (!dns.cnameChain().isEmpty()) {
            lines.add("CNAME " + v(dns.cnameChain().get(dns.cnameChain().size() - 1)));
        }
        if (dns.cloudflareNameservers()) {
            lines.add("NS Cloudflare");
        } else if (!dns.nameservers().isEmpty()) {
            lines.add("NS " + v(dns.nameservers().get(0)));
        }
        return String.join("\n", lines);
    }

    static String edge(EdgeResult edge) {
        if (edge == null) {
            return "not checked";
        }
        HttpExchange x = edge.primary();
        if (x == null) {
            return "not checked";
        }
        List<String> lines = new ArrayList<>();
        if (x.answered()) {
            String status = "HTTP " + x.status();
            if (x.page() != null) {
                status += " · " + pageName(x.page());
            } else if (!x.viaCloudflare()) {
                status += " · not via Cloudflare";
            }
            lines.add(status);
        } else {
            lines.add("no answer: " + failure(x.failure()));
        }
        if (x.redirectLoop()) {
            lines.add("redirect loop after " + x.redirects().size() + " hops");
        }
        if (x.colo() != null) {
            lines.add("colo " + v(x.colo()) + (x.coloCity() == null ? "" : " (" + v(x.coloCity()) + ")"));
        }
        if (x.rayId() != null) {
            lines.add("Ray ID " + v(x.rayId()));
        }
        return String.join("\n", lines);
    }

    static String origin(List<OriginResult> origins, List<TlsResult> tls) {
        if (origins == null || origins.isEmpty()) {
            return "not checked: origin unknown (add origin=IP)";
        }
        List<String> lines = new ArrayList<>();
        for (OriginResult o : origins.subList(0, Math.min(MAX_ORIGINS, origins.size()))) {
            List<String> ports = o.ports().stream().map(EvidenceSummary::port).toList();
            lines.add(v(o.address()) + ": TCP " + String.join(", ", ports));
            TlsResult t = tlsFor(o.address(), tls);
            if (t != null) {
                lines.add(t.handshakeOk()
                        ? "TLS " + (t.protocol() == null ? "ok" : v(t.protocol()))
                        : "TLS failed: " + tlsFailure(t.failure()));
            }
            lines.add(originHttp(o.http()));
        }
        if (origins.size() > MAX_ORIGINS) {
            lines.add("+" + (origins.size() - MAX_ORIGINS) + " more origins (see Details)");
        }
        return String.join("\n", lines);
    }

    static String certificate(EdgeResult edge, List<TlsResult> tls) {
        List<String> lines = new ArrayList<>();
        if (tls != null) {
            tls.stream().filter(t -> !t.chain().isEmpty()).findFirst().ifPresent(t -> lines.add("origin: " + originCertificate(t)));
        }
        if (edge != null && edge.https() != null && edge.https().certificate() != null) {
            lines.add("edge: " + days(edge.https().certificate().daysLeft()));
        }
        return lines.isEmpty() ? "not seen" : String.join("\n", lines);
    }

    static String timings(DnsResult dns, EdgeResult edge) {
        List<String> parts = new ArrayList<>();
        if (dns != null) {
            parts.add("DNS " + Elapsed.millis(dns.elapsedMs()));
        }
        HttpExchange x = edge == null ? null : edge.primary();
        parts.addAll(phases(x == null ? null : x.timings()));
        return parts.isEmpty() ? "none measured" : String.join(" · ", parts);
    }

    /** "connect 8 ms", "TLS 20 ms", "first byte 15.0 s", "total 15.0 s": the phases that were measured. */
    static List<String> phases(Timings t) {
        List<String> parts = new ArrayList<>();
        if (t != null) {
            add(parts, "connect", t.connectMs());
            add(parts, "TLS", t.tlsMs());
            add(parts, "first byte", t.firstByteMs());
            add(parts, "total", t.totalMs());
        }
        return parts;
    }

    static String failure(Failure f) {
        if (f == null) {
            return "unknown";
        }
        String kind = f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return f.message() == null || f.message().isBlank() ? kind : kind + " (" + v(f.message()) + ")";
    }

    static String pageName(CloudflarePage page) {
        String kind = switch (page.type()) {
            case ERROR -> "Cloudflare error page";
            case CHALLENGE -> "Cloudflare challenge";
            case BLOCKED -> "blocked by Cloudflare";
        };
        return page.code() == null ? kind : kind + " " + v(page.code());
    }

    static String days(long daysLeft) {
        if (daysLeft < 0) {
            return "expired " + (-daysLeft) + (daysLeft == -1 ? " day ago" : " days ago");
        }
        return daysLeft + (daysLeft == 1 ? " day left" : " days left");
    }

    static String tlsFailure(TlsFailure f) {
        if (f == null) {
            return "unknown";
        }
        return switch (f) {
            case PLAIN_HTTP -> "plain HTTP on a TLS port";
            case PROTOCOL_VERSION -> "no common protocol version";
            case NO_SHARED_CIPHER -> "no shared cipher";
            case CONNECTION_CLOSED -> "connection closed during handshake";
            case TIMEOUT -> "timed out";
            case CONNECT_FAILED -> "could not connect";
            case OTHER -> "handshake error";
        };
    }

    static TlsResult tlsFor(String address, List<TlsResult> tls) {
        if (tls == null) {
            return null;
        }
        return tls.stream().filter(t -> t.address() != null && t.address().equals(address)).findFirst().orElse(null);
    }

    private static String originCertificate(TlsResult t) {
        List<String> flags = new ArrayList<>();
        CertificateInfo leaf = t.chain().get(0);
        flags.add(t.daysLeft() != null ? days(t.daysLeft()) : days(leaf.daysLeft()));
        if (t.selfSigned()) {
            flags.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            flags.add("Cloudflare Origin CA");
        }
        if (Boolean.FALSE.equals(t.hostnameMatches())) {
            flags.add("name mismatch");
        }
        if (Boolean.FALSE.equals(t.trusted()) && !t.selfSigned() && !t.cloudflareOriginCa()) {
            flags.add("untrusted");
        }
        return String.join(", ", flags);
    }

    private static String port(PortCheck p) {
        String state = p.state().name().toLowerCase(Locale.ROOT);
        return p.port() + " " + state + " " + Elapsed.millis(p.connectMs());
    }

    private static String originHttp(OriginHttp http) {
        if (http == null) {
            return "HTTP not tried";
        }
        if (http.status() != null) {
            return "HTTP " + http.status() + (http.firstByteMs() == null ? "" : " in " + Elapsed.millis(http.firstByteMs()));
        }
        return "HTTP no answer: " + failure(http.failure());
    }

    private static void add(List<String> parts, String name, Long ms) {
        if (ms != null) {
            parts.add(name + " " + Elapsed.millis(ms));
        }
    }

    /** A value from the network: one line, clipped. */
    private static String v(String s) {
        return Clip.line(s, VALUE_MAX);
    }
}
