package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.DiagnosisInput;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.cfapi.CloudflareApiProbe;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.site.Target;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The diagnosis input with the questions rules keep asking answered in one place: which exchange counts,
 * whether a response is Cloudflare's own error, whether the edge stayed silent, what the origin did.
 * Every probe may be missing ({@code null}); the answers account for that.
 */
public final class Observations {

    /** How the origin behaved when probed directly, on the port Cloudflare would use. */
    public enum OriginReach {
        /** Connected, and an HTTP response came back. */
        ANSWERS,
        /** Connected, but no HTTP response before the timeout: the 524 signal. */
        SILENT,
        /** Connected, but the TLS handshake Cloudflare would make failed or stalled: the 525 signal. */
        TLS_FAILS,
        /** Connected, but the reply was empty, not HTTP, or broke off (short body, broken chunks): the 520 signal. */
        BROKEN,
        /** Connected; HTTP failed some other way or was not tried. */
        CONNECTS,
        /** RST to our SYN: the 521 signal. */
        REFUSED,
        /** SYN unanswered: the 522 signal. */
        TIMEOUT,
        /** No route: the 523 signal. */
        UNREACHABLE,
        /** That port was not probed. */
        UNKNOWN;

        public boolean connected() {
            return this == ANSWERS || this == SILENT || this == TLS_FAILS || this == BROKEN || this == CONNECTS;
        }
    }

    private final DiagnosisInput input;

    public Observations(DiagnosisInput input) {
        this.input = input;
    }

    public DiagnosisInput input() {
        return input;
    }

    public Target target() {
        return input.target();
    }

    public DomainSettings settings() {
        return input.settings();
    }

    // ---- the zone, from the Cloudflare API (null: no token, or not asked)

    public CloudflareApiResult api() {
        return input.probes().get(CloudflareApiProbe.KEY);
    }

    /** The zone's SSL/TLS mode: as the Cloudflare API read it, else as the config says, else {@code null}. */
    public SslMode sslMode() {
        CloudflareApiResult api = api();
        return api != null && api.settings().ssl() != null ? api.settings().ssl() : settings().sslMode();
    }

    /** Where {@link #sslMode()} comes from, for the words: "from the Cloudflare API" or "as the config says". */
    public String sslModeSource() {
        CloudflareApiResult api = api();
        return api != null && api.settings().ssl() != null ? "from the Cloudflare API" : "as the config says";
    }

    /** The Cloudflare Tunnel the host is routed to (its id), or {@code null}: then no origin address exists. */
    public String tunnel() {
        CloudflareApiResult api = api();
        return api == null ? null : api.tunnel();
    }

    public Thresholds thresholds() {
        return input.thresholds();
    }

    // ---- DNS

    public DnsResult dns() {
        return input.probes().get(DnsProbe.KEY);
    }

    /** True when DNS found an address (or was not needed: an IP-literal target has no DNS result). */
    public boolean dnsUsable() {
        DnsResult dns = dns();
        return dns == null || dns.status() == DnsStatus.OK;
    }

    /** The first address DNS gave, or the one the edge probe connected to. */
    public String edgeAddress() {
        HttpExchange x = primary();
        if (x != null && x.address() != null) {
            return x.address();
        }
        DnsResult dns = dns();
        return dns == null || dns.addresses().isEmpty() ? null : dns.addresses().get(0);
    }

    // ---- edge

    public EdgeResult edge() {
        return input.probes().get(EdgeProbe.KEY);
    }

    public HttpExchange https() {
        return edge() == null ? null : edge().https();
    }

    public HttpExchange http() {
        return edge() == null ? null : edge().http();
    }

    /**
     * The exchange the verdict reads: the URL asked for, https unless the user typed {@code http://}. An http
     * answer never speaks for the site when https was asked for: when https fails or stays silent, the verdict
     * is about https. The other scheme only when the asked-for one was not probed; may be {@code null}.
     */
    public HttpExchange primary() {
        EdgeResult edge = edge();
        return edge == null ? null : edge.asked(target());
    }

    /** True when the asked-for URL got a whole final response: a status, and nothing broken after it. */
    public boolean primaryComplete() {
        HttpExchange x = primary();
        return x != null && x.complete();
    }

    /** The exchanges that were tried. */
    public List<HttpExchange> exchanges() {
        return Stream.of(https(), http()).filter(x -> x != null).toList();
    }

    public boolean edgeAnswered() {
        return exchanges().stream().anyMatch(HttpExchange::answered);
    }

    /** The final HTTP status of the primary exchange as text, or {@code null} when nothing answered. */
    public String finalStatus() {
        HttpExchange x = primary();
        return x != null && x.answered() ? String.valueOf(x.status()) : null;
    }

    /**
     * True when the URL asked for is {@linkplain #silent silent}: Cloudflare holds the connection while it tries
     * the origin, so this is the case for inferring 522/524. An http 301 meanwhile changes nothing: it is not
     * the site's answer.
     */
    public boolean edgeSilent() {
        return silent(primary());
    }

    /**
     * True when the exchange connected through Cloudflare and then had no answer by the deadline (or a socket
     * timeout): no answer at all, or a redirect on the site ("Always Use HTTPS" sends http to https at once)
     * whose target then said nothing. Never without a connection: a SYN unanswered until the deadline is an
     * edge that cannot be reached, not one holding the request while it tries the origin. Off Cloudflare there
     * is no proxy waiting on an origin: a silent server is simply unreachable.
     */
    public boolean silent(HttpExchange x) {
        if (x == null || x.failure() == null || x.timings() == null || x.timings().connectMs() == null
                || (x.answered() && !redirectedOnSite(x)) || (dns() != null && !dns().proxied())) {
            return false;
        }
        return x.failure().kind() == Failure.Kind.DEADLINE || x.failure().kind() == Failure.Kind.TIMEOUT;
    }

    /** The URL still waiting for its answer: the last redirect's target when one was followed, else the first URL. */
    private static String pendingUrl(HttpExchange x) {
        return x.redirects().isEmpty() ? x.url() : x.redirects().get(x.redirects().size() - 1).location();
    }

    /** The exchange was last redirected to the target's own host (not to another site, whose silence says nothing here). */
    private boolean redirectedOnSite(HttpExchange x) {
        if (x.redirects().isEmpty()) {
            return false;
        }
        try {
            String host = URI.create(pendingUrl(x)).getHost();
            return host != null && host.equalsIgnoreCase(target().host());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- origin

    /** True when an origin address was given (and so could be probed). */
    public boolean originKnown() {
        return !input.origins().isEmpty() || !origins().isEmpty();
    }

    public List<OriginResult> origins() {
        List<OriginResult> o = input.probes().get(OriginsProbe.KEY);
        return o == null ? List.of() : o;
    }

    public OriginResult firstOrigin() {
        return origins().isEmpty() ? null : origins().get(0);
    }

    /** The first origin address probed, else the first given (IPv6 in its short RFC 5952 form), or {@code null}. */
    public String originAddress() {
        OriginResult o = firstOrigin();
        if (o != null) {
            return o.address();
        }
        return input.origins().isEmpty() ? null : input.origins().get(0).ip();
    }

    /** The port the first origin was given with (--origin IP:PORT), else the one its TLS was probed on, or {@code null}. */
    public Integer originPort() {
        if (!input.origins().isEmpty() && input.origins().get(0).port() != null) {
            return input.origins().get(0).port();
        }
        OriginResult o = firstOrigin();
        TlsResult t = o == null ? null : tlsOf(o);
        return t == null ? null : t.port();
    }

    public List<TlsResult> tls() {
        List<TlsResult> t = input.probes().get(OriginTlsProbe.KEY);
        return t == null ? List.of() : t;
    }

    public TlsResult tlsOf(OriginResult origin) {
        return tls().stream().filter(t -> t.address().equals(origin.address())).findFirst().orElse(null);
    }

    /**
     * The port check Cloudflare's connection would match: the only one when a single port was probed, else 80
     * when the zone talks plain HTTP to the origin (Flexible, off, or an http visitor), else 443.
     */
    public PortCheck cloudflarePort(OriginResult origin) {
        if (origin.ports().isEmpty()) {
            return null;
        }
        if (origin.ports().size() == 1) {
            return origin.ports().get(0);
        }
        HttpExchange x = primary();
        // The request Cloudflare forwards: after "Always Use HTTPS" answered http with a 301, the https one.
        String url = x == null ? null : silent(x) ? pendingUrl(x) : x.url();
        boolean visitorHttps = url == null || url.toLowerCase(Locale.ROOT).startsWith("https:");
        SslMode mode = sslMode();
        boolean plainToOrigin = !visitorHttps || mode == SslMode.FLEXIBLE || mode == SslMode.OFF;
        // Two ports probed: the TLS one first, then the plain one (443 and 80; tests play them on other ports).
        return origin.ports().get(plainToOrigin ? 1 : 0);
    }

    /** The port check of the origin's TLS port (443) when both were probed, else {@code null}. */
    public PortCheck tlsPort(OriginResult origin) {
        return origin.ports().size() == 2 ? origin.ports().get(0) : null;
    }

    public OriginReach reach(OriginResult origin) {
        PortCheck port = cloudflarePort(origin);
        if (port == null) {
            return OriginReach.UNKNOWN;
        }
        switch (port.state()) {
            case REFUSED:
                return OriginReach.REFUSED;
            case TIMEOUT:
                return OriginReach.TIMEOUT;
            case UNREACHABLE:
                return OriginReach.UNREACHABLE;
            default:
                break;
        }
        TlsResult tls = tlsOf(origin);
        if (tls != null && tls.port() == port.port() && !tls.handshakeOk() && tls.failure() != TlsFailure.CONNECT_FAILED) {
            return OriginReach.TLS_FAILS;
        }
        OriginHttp http = origin.http();
        Failure.Kind failed = http == null || http.failure() == null ? null : http.failure().kind();
        if (failed == Failure.Kind.BROKEN_REPLY || failed == Failure.Kind.PROTOCOL) {
            return OriginReach.BROKEN; // with a status too: a body that broke off is no answer Cloudflare can pass on
        }
        if (http != null && http.status() != null) {
            return OriginReach.ANSWERS;
        }
        if (failed == Failure.Kind.TIMEOUT || failed == Failure.Kind.DEADLINE) {
            return OriginReach.SILENT;
        }
        if (failed == Failure.Kind.TLS || failed == Failure.Kind.TLS_TIMEOUT) {
            return OriginReach.TLS_FAILS; // the TLS probe's own result did not come in time; the GET's handshake tells
        }
        return OriginReach.CONNECTS;
    }
}
