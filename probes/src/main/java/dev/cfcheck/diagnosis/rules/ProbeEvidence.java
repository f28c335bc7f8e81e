package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.probes.tls.TlsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what each probe saw as short lines of evidence ("edge https: 522 from cloudflare (colo DTW, ray ...)",
 * "origin 203.0.113.10:443: connected in 12 ms"). Facts only; what they mean is the knowledge base's job.
 * Text that came from the network is made single-line and bounded.
 */
public final class ProbeEvidence {

    private static final int MAX_FIELD = 120;
    private static final int MAX_ADDRESSES = 4;

    private ProbeEvidence() {
    }

    /** Every probe's lines, in probe order: DNS, edge, origin, TLS; then what the config says about the domain. */
    public static List<String> lines(Observations seen) {
        List<String> out = new ArrayList<>();
        dns(seen, out);
        if (seen.dnsUsable()) {
            if (seen.exchanges().isEmpty()) {
                out.add("edge: not probed");
            }
            for (HttpExchange x : seen.exchanges()) {
                out.add(exchange(x));
                if (!x.redirects().isEmpty()) {
                    out.add(label(x) + ": " + redirects(x));
                }
            }
        }
        for (OriginResult o : seen.origins()) {
            for (PortCheck p : o.ports()) {
                out.add(port(o.address(), p));
            }
            if (o.http() != null) {
                out.add(originHttp(o.address(), o.http()));
            }
        }
        for (TlsResult t : seen.tls()) {
            out.add(tls(t));
        }
        if (seen.settings().sslMode() != null) {
            out.add("config: SSL mode " + sslModeLabel(seen.settings().sslMode()));
        }
        if (seen.settings().notes() != null && !seen.settings().notes().isBlank()) {
            out.add("note: " + OneLine.of(seen.settings().notes(), 300));
        }
        return out;
    }

    private static void dns(Observations seen, List<String> out) {
        DnsResult dns = seen.dns();
        if (dns == null) {
            return;
        }
        String host = seen.target().host();
        String via = "resolver " + clean(dns.resolver()) + ", " + dns.elapsedMs() + " ms";
        if (dns.status() != DnsStatus.OK) {
            String detail = dns.detail() == null ? "" : ": " + clean(dns.detail());
            out.add("DNS: " + dns.status() + " for " + host + " (" + via + ")" + detail);
        } else {
            List<String> all = dns.addresses();
            String shown = String.join(", ", all.subList(0, Math.min(all.size(), MAX_ADDRESSES)))
                    + (all.size() > MAX_ADDRESSES ? " and " + (all.size() - MAX_ADDRESSES) + " more" : "");
            String where;
            if (dns.cloudflareAddresses().isEmpty()) {
                where = "not in Cloudflare's ranges";
            } else if (dns.cloudflareAddresses().size() == all.size()) {
                where = "Cloudflare";
            } else {
                where = dns.cloudflareAddresses().size() + " of " + all.size() + " in Cloudflare's ranges";
            }
            String chain = dns.cnameChain().isEmpty() ? "" : " via CNAME " + clean(String.join(" → ", dns.cnameChain()));
            out.add("DNS: " + host + " → " + shown + " (" + where + ")" + chain + ", " + via);
        }
        if (dns.zone() != null && !dns.nameservers().isEmpty()) {
            out.add("DNS: zone " + clean(dns.zone()) + ", nameservers " + clean(String.join(", ", dns.nameservers()))
                    + (dns.cloudflareNameservers() ? " (Cloudflare)" : ""));
        }
    }

    static String label(HttpExchange x) {
        return x.url() != null && x.url().regionMatches(true, 0, "http:", 0, 5) ? "edge http" : "edge https";
    }

    /** "edge https: 522 from cloudflare (colo DTW, ray a23c92d51bc8a952), Cloudflare error page 522". */
    public static String exchange(HttpExchange x) {
        StringBuilder b = new StringBuilder(label(x)).append(": ");
        if (!x.answered()) {
            b.append("no answer");
            if (x.address() != null) {
                b.append(" from ").append(clean(x.address()));
            }
            if (x.timings() != null && x.timings().connectMs() != null) {
                b.append(" (connected in ").append(x.timings().connectMs()).append(" ms)");
            }
            if (x.failure() != null) {
                b.append(": ").append(failure(x.failure()));
            }
            return b.toString();
        }
        b.append(x.status());
        b.append(x.server() != null ? " from " + clean(x.server()) : "");
        List<String> cf = new ArrayList<>();
        if (x.colo() != null) {
            cf.add("colo " + clean(x.colo()) + (x.coloCity() != null ? " in " + clean(x.coloCity()) : ""));
        }
        String ray = x.rayId() != null ? x.rayId() : x.page() != null ? x.page().rayId() : null;
        if (ray != null) {
            cf.add("ray " + clean(ray));
        }
        if (x.cacheStatus() != null) {
            cf.add("cf-cache-status " + clean(x.cacheStatus()));
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
                b.append(' ').append(clean(page.code()));
            }
            if (page.title() != null) {
                b.append(" \"").append(clean(page.title())).append('"');
            }
        }
        if (x.mitigated() != null) {
            b.append(", cf-mitigated: ").append(clean(x.mitigated()));
        }
        if (x.timings() != null && x.timings().firstByteMs() != null) {
            b.append(", first byte after ").append(x.timings().firstByteMs()).append(" ms");
        }
        if (x.finalUrl() != null && x.url() != null && !x.finalUrl().equals(x.url())) {
            b.append(", at ").append(clean(x.finalUrl()));
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
            b.append(r.status()).append(' ').append(clean(r.from())).append(" → ").append(clean(r.location()));
        }
        if (hops.size() > shown) {
            b.append("; ...");
        }
        return b.toString();
    }

    /** "origin 203.0.113.10:443: connected in 12 ms". */
    public static String port(String address, PortCheck p) {
        String where = "origin " + hostPort(address, p.port()) + ": ";
        return where + switch (p.state()) {
            case CONNECTED -> "connected in " + p.connectMs() + " ms";
            case REFUSED -> "connection refused in " + p.connectMs() + " ms";
            case TIMEOUT -> "no answer to the connection (SYN) after " + p.connectMs() + " ms";
            case UNREACHABLE -> "unreachable (no route)" + (p.detail() != null ? ": " + clean(p.detail()) : "");
        };
    }

    /** "origin 203.0.113.10: GET https://203.0.113.10/ (Host: example.com) → 200 after 45 ms". */
    public static String originHttp(String address, OriginHttp h) {
        StringBuilder b = new StringBuilder("origin ").append(clean(address)).append(": GET ").append(clean(h.url()));
        if (h.status() != null) {
            b.append(" → ").append(h.status());
            if (h.server() != null) {
                b.append(" from ").append(clean(h.server()));
            }
            if (h.firstByteMs() != null) {
                b.append(", first byte after ").append(h.firstByteMs()).append(" ms");
            }
        } else {
            b.append(" → no response");
            if (h.failure() != null) {
                b.append(": ").append(failure(h.failure()));
            }
        }
        return b.toString();
    }

    /** "TLS 203.0.113.10:443: TLSv1.3, CN=example.com issued by CN=R3, expires in 60 days, hostname matches, trusted". */
    public static String tls(TlsResult t) {
        StringBuilder b = new StringBuilder("TLS ").append(hostPort(t.address(), t.port())).append(": ");
        if (!t.handshakeOk()) {
            b.append("handshake failed");
            if (t.failure() != null) {
                b.append(": ").append(switch (t.failure()) {
                    case PLAIN_HTTP -> "the port answers plain HTTP, not TLS";
                    case PROTOCOL_VERSION -> "no TLS version in common";
                    case NO_SHARED_CIPHER -> "no cipher suite in common";
                    case CONNECTION_CLOSED -> "the server closed the connection during the handshake";
                    case TIMEOUT -> "timed out";
                    case CONNECT_FAILED -> "could not connect";
                    case OTHER -> "error";
                });
            }
            if (t.failureDetail() != null) {
                b.append(" (").append(clean(t.failureDetail())).append(')');
            }
            return b.toString();
        }
        List<String> parts = new ArrayList<>();
        if (t.protocol() != null) {
            parts.add(clean(t.protocol()));
        }
        if (!t.chain().isEmpty()) {
            CertificateInfo leaf = t.chain().get(0);
            parts.add("certificate " + clean(leaf.subject()) + " issued by " + clean(leaf.issuer()));
        }
        if (t.daysLeft() != null) {
            parts.add("certificate " + expiry(t.daysLeft()));
        }
        if (Boolean.FALSE.equals(t.hostnameMatches())) {
            parts.add("does NOT cover " + clean(t.serverName()));
        } else if (Boolean.TRUE.equals(t.hostnameMatches())) {
            parts.add("covers " + clean(t.serverName()));
        }
        if (t.selfSigned()) {
            parts.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            parts.add("Cloudflare Origin CA");
        }
        if (Boolean.TRUE.equals(t.trusted())) {
            parts.add("trusted");
        } else if (Boolean.FALSE.equals(t.trusted())) {
            parts.add("not trusted by public CAs");
        }
        return b.append(String.join(", ", parts)).toString();
    }

    /** "expires in 5 days", "expires today", "expired 3 days ago". */
    public static String expiry(long daysLeft) {
        if (daysLeft < 0) {
            long ago = -daysLeft;
            return "expired " + ago + (ago == 1 ? " day ago" : " days ago");
        }
        if (daysLeft == 0) {
            return "expires today";
        }
        return "expires in " + daysLeft + (daysLeft == 1 ? " day" : " days");
    }

    /** "850 ms", "2.4 s". */
    public static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public static String duration(Duration d) {
        return duration(d.toMillis());
    }

    public static String sslModeLabel(SslMode mode) {
        return switch (mode) {
            case OFF -> "Off";
            case FLEXIBLE -> "Flexible";
            case FULL -> "Full";
            case STRICT -> "Full (strict)";
        };
    }

    static String failure(Failure f) {
        String what = switch (f.kind()) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case UNREACHABLE -> "unreachable";
            case RESET -> "connection reset";
            case TLS -> "TLS handshake failed";
            case TLS_TIMEOUT -> "TLS handshake stalled (connected, no handshake by the timeout)";
            case BROKEN_REPLY -> "the reply was empty or invalid";
            case PROTOCOL -> "not valid HTTP";
            case DNS -> "name did not resolve";
            case UNSAFE_ADDRESS -> "address refused by the safe-target policy";
            case DEADLINE -> "no answer by the deadline";
            case OTHER -> "failed";
        };
        return f.message() == null ? what : what + " (" + clean(f.message()) + ")";
    }

    static String hostPort(String address, int port) {
        String a = clean(address);
        return (a != null && a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }

    private static String clean(String s) {
        return OneLine.of(s, MAX_FIELD);
    }
}
