package dev.cfcheck.diagnosis;

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
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.edge.Timings;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.probes.cfapi.ApiProblem;
import dev.cfcheck.probes.cfapi.ApiRecord;
import dev.cfcheck.probes.cfapi.CloudflareApiProbe;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import dev.cfcheck.probes.cfapi.ZoneSettings;
import dev.cfcheck.probes.status.StatusPageProbe;
import dev.cfcheck.probes.status.StatusResult;
import dev.cfcheck.probes.status.StatusSummary;
import dev.cfcheck.probes.trace.TraceBody;
import dev.cfcheck.probes.trace.TraceProbe;
import dev.cfcheck.probes.trace.TraceResult;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Probe result records built by hand for the rules' unit tests: what the probes would report for a given fault.
 * (End-to-end tests drive the real probes; here each case isolates one rule's reading of the records.)
 */
final class ProbeRecords {

    static final String HOST = "example.com";
    static final String ORIGIN = "203.0.113.10";
    static final String RAY = "a23c92d51bc8a952";
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private ProbeRecords() {
    }

    static Target target() {
        return new Target(HOST, HOST, HOST, null, null, "/");
    }

    static Target target(String path) {
        return new Target(HOST + path, HOST, HOST, null, null, path);
    }

    /** The target as typed with a scheme ({@code null}: a bare host name) and maybe a port. */
    static Target target(String host, String scheme, Integer port) {
        String typed = (scheme == null ? "" : scheme + "://") + host + (port == null ? "" : ":" + port);
        return new Target(typed, host, host, scheme, port, "/");
    }

    // ---- DNS

    static DnsResult cloudflareDns() {
        return new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(), List.of("104.16.132.229"),
                List.of("2606:4700::6810:84e5"), HOST, List.of("ada.ns.cloudflare.com", "bob.ns.cloudflare.com"), true,
                List.of("104.16.132.229", "2606:4700::6810:84e5"), 12, null);
    }

    static DnsResult plainDns(boolean cloudflareNameservers) {
        List<String> ns = cloudflareNameservers ? List.of("ada.ns.cloudflare.com", "bob.ns.cloudflare.com")
                : List.of("ns1.example.net", "ns2.example.net");
        return new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(), List.of("93.184.216.34"), List.of(), HOST, ns,
                cloudflareNameservers, List.of(), 9, null);
    }

    static DnsResult failedDns(DnsStatus status) {
        return new DnsResult("127.0.0.53:53", status, List.of(), List.of(), List.of(), null, List.of(), false,
                List.of(), 30, "the resolver said " + status);
    }

    // ---- edge

    /** An exchange through Cloudflare; change what the fault needs. */
    static Exchange https(int status) {
        return new Exchange("https://" + HOST + "/").status(status);
    }

    static Exchange http(int status) {
        return new Exchange("http://" + HOST + "/").status(status);
    }

    /** An exchange of {@code url} through Cloudflare, with no response yet: set one, or a failure. */
    static Exchange exchange(String url) {
        return new Exchange(url);
    }

    static final class Exchange {
        private final String url;
        private String finalUrl;
        private String address = "104.16.132.229";
        private Integer status;
        private String server = "cloudflare";
        private String cfRay = RAY + "-DTW";
        private String rayId = RAY;
        private String colo = "DTW";
        private String coloCity = "Detroit, US";
        private String cacheStatus;
        private String mitigated;
        private CloudflarePage page;
        private List<Redirect> redirects = List.of();
        private boolean loop;
        private Timings timings = new Timings(20L, 30L, 120L, 150L);
        private CertificateInfo certificate;
        private Failure failure;

        Exchange(String url) {
            this.url = url;
            this.finalUrl = url;
        }

        String url() {
            return url;
        }

        Exchange status(int s) {
            this.status = s;
            return this;
        }

        Exchange page(CloudflarePage.Type type, String code) {
            this.page = new CloudflarePage(type, code, HOST + " | " + code, RAY);
            return this;
        }

        Exchange cacheStatus(String value) {
            this.cacheStatus = value;
            return this;
        }

        Exchange mitigated(String value) {
            this.mitigated = value;
            return this;
        }

        Exchange server(String value) {
            this.server = value;
            return this;
        }

        /** Not through Cloudflare: no cf-ray, another server. */
        Exchange direct() {
            this.server = "nginx";
            this.cfRay = null;
            this.rayId = null;
            this.colo = null;
            this.coloCity = null;
            this.address = "93.184.216.34";
            return this;
        }

        Exchange redirects(boolean loop, Redirect... hops) {
            this.redirects = List.of(hops);
            this.loop = loop;
            return this;
        }

        Exchange firstByte(long ms) {
            this.timings = new Timings(20L, 30L, ms, ms + 10);
            return this;
        }

        Exchange certificateDaysLeft(long days) {
            this.certificate = new CertificateInfo("CN=" + HOST, "CN=WE1,O=Google Trust Services,C=US", List.of(HOST),
                    NOW.minus(80, ChronoUnit.DAYS), NOW.plus(days, ChronoUnit.DAYS), days, false, "00");
            return this;
        }

        /** No response: failed with {@code kind}; {@code connected} says whether TCP got through first. */
        Exchange failed(Failure.Kind kind, boolean connected) {
            this.status = null;
            this.server = null;
            this.cfRay = null;
            this.rayId = null;
            this.colo = null;
            this.coloCity = null;
            this.timings = connected ? new Timings(20L, 30L, null, null) : Timings.NONE;
            this.failure = new Failure(kind, kind == Failure.Kind.DEADLINE ? "deadline reached after 10000 ms" : "failed");
            return this;
        }

        /** A response came, then the exchange broke with {@code kind}: a body cut short, a redirect hop that failed. */
        Exchange thenFailed(Failure.Kind kind) {
            this.failure = new Failure(kind, "failed after the response began");
            return this;
        }

        /** The status and headers came, then the body broke off (short of its length, broken chunks). */
        Exchange brokenOff() {
            this.failure = new Failure(Failure.Kind.BROKEN_REPLY, "the body broke off: unexpected end of stream");
            return this;
        }

        HttpExchange build() {
            return new HttpExchange(url, finalUrl, address, status, server, cfRay, rayId, colo, coloCity, cacheStatus,
                    mitigated, null, page, redirects, loop, timings, certificate, failure);
        }
    }

    static EdgeResult edge(Exchange https, Exchange http) {
        return new EdgeResult(https == null ? null : https.build(), http == null ? null : http.build());
    }

    // ---- origin

    static PortCheck port(int port, TcpState state) {
        return new PortCheck(port, state, state == TcpState.TIMEOUT ? 3000 : 12, null);
    }

    static OriginHttp originAnswer(int status) {
        return new OriginHttp("https://" + ORIGIN + "/", status, "nginx", 45L, null);
    }

    /** The origin's GET: {@code status} (or none), then {@code failure} (or none). */
    static OriginHttp originHttp(String scheme, Integer status, Failure.Kind failure) {
        return new OriginHttp(scheme + "://" + ORIGIN + "/", status, status == null ? null : "nginx",
                status == null ? null : 45L, failure == null ? null : new Failure(failure, "failed"));
    }

    static OriginHttp originSilent() {
        return new OriginHttp("https://" + ORIGIN + "/", null, null, null,
                new Failure(Failure.Kind.TIMEOUT, "no response within 5000 ms"));
    }

    /** The origin's reply broke: after a status ({@code status} given) or inside the headers ({@code null}). */
    static OriginHttp originBroken(Integer status) {
        return new OriginHttp("https://" + ORIGIN + "/", status, status == null ? null : "nginx", status == null ? null : 40L,
                new Failure(Failure.Kind.BROKEN_REPLY, status == null ? "the connection closed before the response headers ended"
                        : "the body broke off: unexpected end of stream"));
    }

    /** The origin's GET could not finish its TLS handshake. */
    static OriginHttp originHandshakeStalled() {
        return new OriginHttp("https://" + ORIGIN + "/", null, null, null,
                new Failure(Failure.Kind.TLS_TIMEOUT, "not finished 5.0 s after connecting"));
    }

    static OriginResult origin(OriginHttp http, PortCheck... ports) {
        return origin(ORIGIN, http, ports);
    }

    static OriginResult origin(String address, OriginHttp http, PortCheck... ports) {
        return new OriginResult(address, List.of(ports), http);
    }

    static TlsResult tls(long daysLeft) {
        return tls(ORIGIN, daysLeft, true, true);
    }

    static TlsResult tls(String address, long daysLeft, boolean trusted, boolean hostnameMatches) {
        CertificateInfo leaf = new CertificateInfo("CN=" + HOST, "CN=R11,O=Let's Encrypt,C=US", List.of(HOST),
                NOW.minus(60, ChronoUnit.DAYS), NOW.plus(daysLeft, ChronoUnit.DAYS), daysLeft, false, "00");
        return new TlsResult(address, 443, HOST, true, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 8L, List.of(leaf),
                hostnameMatches, trusted, false, false, daysLeft, null, null);
    }

    static TlsResult tlsFailed(TlsFailure why) {
        return new TlsResult(ORIGIN, 443, HOST, false, null, null, null, List.of(), null, null, false, false, null,
                why, "handshake alert");
    }

    // ---- trace

    static TraceResult trace() {
        TraceBody body = TraceBody.parse("fl=1f1\ncolo=DTW\nhttp=http/2\ntls=TLSv1.3\nwarp=off\ngateway=off\n").orElseThrow();
        return new TraceResult("https://" + HOST + "/cdn-cgi/trace", "104.16.132.229", 200, body, "Detroit, US", null);
    }

    /** A response that is not a trace ({@code status}), or none at all ({@code status null}, failed with {@code kind}). */
    static TraceResult traceWithout(Integer status, Failure.Kind kind) {
        return new TraceResult("https://" + HOST + "/cdn-cgi/trace", "104.16.132.229", status, null, null,
                new Failure(kind, "no trace"));
    }

    // ---- Cloudflare's status page

    static final String STATUS_URL = "https://www.cloudflarestatus.com/api/v2/summary.json";

    static StatusResult statusOperational() {
        return new StatusResult(STATUS_URL, new StatusSummary("none", "All Systems Operational", List.of(), List.of()), null);
    }

    static StatusResult statusIncident() {
        return new StatusResult(STATUS_URL, new StatusSummary("major", "Partial System Outage",
                List.of(new StatusSummary.Incident("Elevated errors in Europe", "identified", "major", null)), List.of()), null);
    }

    /** The data centre the edge exchanges name (DTW) in partial outage. */
    static StatusResult statusColoDegraded() {
        return new StatusResult(STATUS_URL, new StatusSummary("minor", "Minor Service Outage", List.of(),
                List.of(new StatusSummary.Component("Detroit, MI, United States - (DTW)", "partial_outage", "DTW"))), null);
    }

    static StatusResult statusUnread(Failure.Kind kind) {
        return new StatusResult(STATUS_URL, null, new Failure(kind, "status page not read"));
    }

    // ---- the Cloudflare API

    /** The zone read in full: the host's A record to the origin, proxied or not, in this SSL mode and minimum TLS. */
    static CloudflareApiResult apiZone(SslMode ssl, String minTls, boolean proxied) {
        return new CloudflareApiResult(HOST, "active", false, List.of(new ApiRecord("A", HOST, ORIGIN, proxied)),
                new ZoneSettings(ssl, "on", minTls, "on", "off"), null, proxied ? List.of(ORIGIN) : List.of(), List.of(),
                false, List.of(), 120);
    }

    /** The host routed to a Cloudflare Tunnel: no origin address exists. */
    static CloudflareApiResult apiTunnel() {
        String id = "c0ffee00-1234-4abc-8def-0123456789ab";
        return new CloudflareApiResult(HOST, "active", false, List.of(new ApiRecord("CNAME", HOST, id + ".cfargotunnel.com", true)),
                new ZoneSettings(SslMode.FULL, "on", "1.2", "on", "off"), id, List.of(), List.of(), false, List.of(), 120);
    }

    /** Nothing read: the zone lookup failed this way. */
    static CloudflareApiResult apiProblem(ApiProblem.Kind kind) {
        return new CloudflareApiResult(null, null, null, List.of(), ZoneSettings.UNREAD, null, List.of(), List.of(), false,
                List.of(new ApiProblem(kind, "zone lookup", 403, 10000, "Authentication error", null)), 80);
    }

    static OriginEndpoint endpoint(String ip) {
        try {
            return new OriginEndpoint(InetAddress.getByName(ip), null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- input

    /** Everything a case needs, with defaults: Cloudflare DNS, no origin, no config. */
    static final class Case {
        private Target target = ProbeRecords.target();
        private DnsResult dns = cloudflareDns();
        private EdgeResult edge;
        private final List<OriginResult> origins = new ArrayList<>();
        private final List<TlsResult> tls = new ArrayList<>();
        private DomainSettings settings = DomainSettings.NONE;
        private final List<String> given = new ArrayList<>();
        private TraceResult trace;
        private StatusResult status;
        private CloudflareApiResult api;

        Case target(Target t) {
            this.target = t;
            return this;
        }

        Case dns(DnsResult d) {
            this.dns = d;
            return this;
        }

        Case edge(Exchange https, Exchange http) {
            this.edge = ProbeRecords.edge(https, http);
            return this;
        }

        Case edge(Exchange https) {
            return edge(https, null);
        }

        Case origin(OriginResult o) {
            this.origins.add(o);
            return this;
        }

        Case tls(TlsResult t) {
            this.tls.add(t);
            return this;
        }

        /** An origin address given to cfcheck, whether or not its probes brought anything back by the deadline. */
        Case originGiven(String ip) {
            this.given.add(ip);
            return this;
        }

        Case trace(TraceResult t) {
            this.trace = t;
            return this;
        }

        Case status(StatusResult s) {
            this.status = s;
            return this;
        }

        Case api(CloudflareApiResult a) {
            this.api = a;
            return this;
        }

        Case settings(SslMode mode, String notes) {
            this.settings = new DomainSettings(mode, notes);
            return this;
        }

        DiagnosisInput input() {
            // The origin probes run when an origin is given; one that brought nothing back by the deadline has an empty list.
            List<OriginEndpoint> endpoints = java.util.stream.Stream.concat(given.stream(), origins.stream().map(OriginResult::address))
                    .distinct().map(ProbeRecords::endpoint).toList();
            boolean ran = !endpoints.isEmpty();
            ProbeResults probes = ProbeResults.builder().put(DnsProbe.KEY, dns).put(EdgeProbe.KEY, edge)
                    .put(OriginsProbe.KEY, ran ? origins : null).put(OriginTlsProbe.KEY, ran ? tls : null)
                    .put(TraceProbe.KEY, trace).put(StatusPageProbe.KEY, status)
                    .put(CloudflareApiProbe.KEY, api).build();
            return new DiagnosisInput(target, endpoints, probes, settings, Thresholds.DEFAULTS);
        }
    }

    static Case given() {
        return new Case();
    }
}
