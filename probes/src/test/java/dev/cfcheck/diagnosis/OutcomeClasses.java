package dev.cfcheck.diagnosis;

import static dev.cfcheck.diagnosis.ProbeRecords.HOST;
import static dev.cfcheck.diagnosis.ProbeRecords.ORIGIN;
import static dev.cfcheck.diagnosis.ProbeRecords.given;

import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.cfapi.ApiProblem;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.status.StatusResult;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.probes.trace.TraceResult;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The outcome classes of every probe, one dimension each, for {@link DiagnosisCombinationsTest}: each probe ok,
 * failed in each way it can fail (every {@link Failure.Kind}, {@link DnsStatus}, {@link TcpState} and
 * {@link TlsFailure}, so a new one is covered without touching this class), silent at the deadline, or not run;
 * plus the URL asked for, the SSL mode the config states, Cloudflare's status page and its API. A row picks one value
 * index per dimension ({@code -1} where the dimension does not apply); {@link Combination#of} turns it into the
 * diagnosis input.
 */
final class OutcomeClasses {

    private OutcomeClasses() {
    }

    /** The dimensions, by their place in a row. */
    static final int ASKED = 0;
    static final int DNS = 1;
    static final int HTTPS = 2;
    static final int HTTP = 3;
    static final int ORIGIN_SIDE = 4;
    static final int TLS = 5;
    static final int TRACE = 6;
    static final int SSL_MODE = 7;
    static final int STATUS = 8;
    static final int API = 9;

    /** What the user typed: a scheme (none: a bare host, meaning https) and maybe a port (then one scheme is probed). */
    record Asked(String name, String scheme, Integer port) {
        boolean probesHttps() {
            return port == null || !"http".equals(scheme);
        }

        boolean probesHttp() {
            return port == null || "http".equals(scheme);
        }

        boolean askedHttp() {
            return "http".equals(scheme);
        }
    }

    /** {@code result} null: DNS not run (an IP-literal target). */
    record DnsOutcome(String name, DnsResult result) {
        boolean failed() {
            return result != null && result.status() != DnsStatus.OK;
        }

        boolean proxied() {
            return result == null || result.proxied();
        }
    }

    record EdgeOutcome(String name, UnaryOperator<ProbeRecords.Exchange> shape) {
    }

    /** {@code known} false: no origin given. Known with {@code result} null: nothing came back by the deadline. */
    record OriginOutcome(String name, boolean known, OriginResult result) {
    }

    /** {@code result} null: no handshake came back by the deadline. */
    record TlsOutcome(String name, TlsResult result) {
    }

    record TraceOutcome(String name, TraceResult result) {
    }

    /** {@code result} null: no status page configured (the probe is not registered). */
    record StatusOutcome(String name, StatusResult result) {
    }

    /** {@code result} null: no API token (the probe is not registered). */
    record ApiOutcome(String name, CloudflareApiResult result) {
    }

    static final List<Asked> ASKS = List.of(
            new Asked("example.com", null, null),
            new Asked("https://example.com", "https", null),
            new Asked("http://example.com", "http", null),
            new Asked("https://example.com:8443", "https", 8443),
            new Asked("http://example.com:8080", "http", 8080));

    static final List<DnsOutcome> DNS_OUTCOMES = dnsOutcomes();
    static final List<EdgeOutcome> EDGE_OUTCOMES = edgeOutcomes();
    static final List<OriginOutcome> ORIGIN_OUTCOMES = originOutcomes();
    static final List<TlsOutcome> TLS_OUTCOMES = tlsOutcomes();
    static final List<TraceOutcome> TRACE_OUTCOMES = traceOutcomes();
    static final List<StatusOutcome> STATUS_OUTCOMES = statusOutcomes();
    static final List<ApiOutcome> API_OUTCOMES = apiOutcomes();
    /** The SSL mode the config states for the domain ({@code null}: none): it picks the origin port Cloudflare uses. */
    static final List<SslMode> SSL_MODES = Stream.concat(Stream.of((SslMode) null),
            Arrays.stream(SslMode.values())).toList();

    private static List<DnsOutcome> dnsOutcomes() {
        List<DnsOutcome> out = new ArrayList<>();
        out.add(new DnsOutcome("proxied", ProbeRecords.cloudflareDns()));
        out.add(new DnsOutcome("grey cloud", ProbeRecords.plainDns(true)));
        out.add(new DnsOutcome("not on Cloudflare", ProbeRecords.plainDns(false)));
        for (DnsStatus s : DnsStatus.values()) {
            if (s != DnsStatus.OK) {
                // TIMEOUT is the resolver silent at the deadline.
                out.add(new DnsOutcome(s.name(), ProbeRecords.failedDns(s)));
            }
        }
        out.add(new DnsOutcome("not run (IP literal)", null));
        return out;
    }

    private static List<EdgeOutcome> edgeOutcomes() {
        List<EdgeOutcome> out = new ArrayList<>();
        out.add(new EdgeOutcome("200", e -> e.status(200)));
        out.add(new EdgeOutcome("200 after a redirect", e -> e.status(200).redirects(false, hop(e, 301))));
        out.add(new EdgeOutcome("200 slow", e -> e.status(200).firstByte(4000)));
        // From Cloudflare's cache: the origin was not asked, so this answer says nothing about it.
        out.add(new EdgeOutcome("200 from cache (HIT)", e -> e.status(200).cacheStatus("HIT")));
        out.add(new EdgeOutcome("redirect loop", e -> e.status(301).redirects(true, new Redirect(301, e.url(), e.url()))));
        out.add(new EdgeOutcome("Cloudflare 522 page", e -> e.status(522).page(CloudflarePage.Type.ERROR, "522")));
        out.add(new EdgeOutcome("Cloudflare 520 page", e -> e.status(520).page(CloudflarePage.Type.ERROR, "520")));
        out.add(new EdgeOutcome("Cloudflare 526 page", e -> e.status(526).page(CloudflarePage.Type.ERROR, "526")));
        out.add(new EdgeOutcome("Cloudflare 1016 page", e -> e.status(530).page(CloudflarePage.Type.ERROR, "1016")));
        out.add(new EdgeOutcome("Cloudflare 1101 page", e -> e.status(500).page(CloudflarePage.Type.ERROR, "1101")));
        out.add(new EdgeOutcome("Cloudflare 1020 block", e -> e.status(403).page(CloudflarePage.Type.BLOCKED, "1020")));
        out.add(new EdgeOutcome("challenge", e -> e.status(403).page(CloudflarePage.Type.CHALLENGE, null).mitigated("challenge")));
        out.add(new EdgeOutcome("origin's 502", e -> e.status(502)));
        out.add(new EdgeOutcome("origin's 404", e -> e.status(404)));
        for (Failure.Kind k : Failure.Kind.values()) {
            out.add(new EdgeOutcome("200 then " + k, e -> e.status(200).thenFailed(k)));
            // "Always Use HTTPS": http 301s at once, then the https hop fails (or is silent at the deadline).
            out.add(new EdgeOutcome("301 then " + k, e -> e.status(301).redirects(false, hop(e, 301)).thenFailed(k)));
            out.add(new EdgeOutcome("no answer: " + k, e -> e.failed(k, afterConnecting(k))));
        }
        out.add(new EdgeOutcome("no answer: TIMEOUT before connecting", e -> e.failed(Failure.Kind.TIMEOUT, false)));
        out.add(new EdgeOutcome("no answer: DEADLINE before connecting", e -> e.failed(Failure.Kind.DEADLINE, false)));
        return out;
    }

    /** Kinds that can only happen before a connection exists. */
    private static boolean afterConnecting(Failure.Kind k) {
        return !EnumSet.of(Failure.Kind.REFUSED, Failure.Kind.UNREACHABLE, Failure.Kind.DNS, Failure.Kind.UNSAFE_ADDRESS)
                .contains(k);
    }

    /** A redirect from the exchange's URL: http to https, https to another path. */
    private static Redirect hop(ProbeRecords.Exchange e, int status) {
        String url = e.url();
        String to = url.startsWith("http://") ? "https://" + url.substring("http://".length()) : url + "login";
        return new Redirect(status, url, to);
    }

    private static List<OriginOutcome> originOutcomes() {
        List<OriginOutcome> out = new ArrayList<>();
        out.add(new OriginOutcome("unknown", false, null));
        out.add(new OriginOutcome("answers 200", true, ProbeRecords.origin(ProbeRecords.originHttp("https", 200, null),
                ProbeRecords.port(443, TcpState.CONNECTED), ProbeRecords.port(80, TcpState.CONNECTED))));
        out.add(new OriginOutcome("answers 502", true, ProbeRecords.origin(ProbeRecords.originHttp("https", 502, null),
                ProbeRecords.port(443, TcpState.CONNECTED), ProbeRecords.port(80, TcpState.CONNECTED))));
        for (TcpState s : TcpState.values()) {
            if (s != TcpState.CONNECTED) {
                out.add(new OriginOutcome("443 " + s + ", 80 answers", true, ProbeRecords.origin(
                        ProbeRecords.originHttp("http", 200, null), ProbeRecords.port(443, s), ProbeRecords.port(80, TcpState.CONNECTED))));
                out.add(new OriginOutcome("443 and 80 " + s, true,
                        ProbeRecords.origin(null, ProbeRecords.port(443, s), ProbeRecords.port(80, s))));
            }
        }
        for (Failure.Kind k : Failure.Kind.values()) {
            out.add(new OriginOutcome("GET no answer: " + k, true, ProbeRecords.origin(ProbeRecords.originHttp("https", null, k),
                    ProbeRecords.port(443, TcpState.CONNECTED), ProbeRecords.port(80, TcpState.CONNECTED))));
            out.add(new OriginOutcome("GET 200 then " + k, true, ProbeRecords.origin(ProbeRecords.originHttp("https", 200, k),
                    ProbeRecords.port(443, TcpState.CONNECTED), ProbeRecords.port(80, TcpState.CONNECTED))));
        }
        out.add(new OriginOutcome("silent at the deadline (no result)", true, null));
        return out;
    }

    private static List<TlsOutcome> tlsOutcomes() {
        List<TlsOutcome> out = new ArrayList<>();
        out.add(new TlsOutcome("ok", ProbeRecords.tls(90)));
        out.add(new TlsOutcome("expired", ProbeRecords.tls(ORIGIN, -3, true, true)));
        out.add(new TlsOutcome("untrusted, other name", ProbeRecords.tls(ORIGIN, 90, false, false)));
        for (TlsFailure f : TlsFailure.values()) {
            out.add(new TlsOutcome("failed: " + f, ProbeRecords.tlsFailed(f)));
        }
        out.add(new TlsOutcome("silent at the deadline (no result)", null));
        return out;
    }

    private static List<TraceOutcome> traceOutcomes() {
        List<TraceOutcome> out = new ArrayList<>();
        out.add(new TraceOutcome("trace", ProbeRecords.trace()));
        out.add(new TraceOutcome("404, not a trace", ProbeRecords.traceWithout(404, Failure.Kind.OTHER)));
        for (Failure.Kind k : Failure.Kind.values()) {
            out.add(new TraceOutcome("no trace: " + k, ProbeRecords.traceWithout(null, k)));
        }
        return out;
    }

    private static List<StatusOutcome> statusOutcomes() {
        List<StatusOutcome> out = new ArrayList<>();
        out.add(new StatusOutcome("not configured", null));
        out.add(new StatusOutcome("all operational", ProbeRecords.statusOperational()));
        out.add(new StatusOutcome("an incident", ProbeRecords.statusIncident()));
        out.add(new StatusOutcome("the serving colo degraded", ProbeRecords.statusColoDegraded()));
        for (Failure.Kind k : Failure.Kind.values()) {
            out.add(new StatusOutcome("not read: " + k, ProbeRecords.statusUnread(k)));
        }
        return out;
    }

    private static List<ApiOutcome> apiOutcomes() {
        List<ApiOutcome> out = new ArrayList<>();
        out.add(new ApiOutcome("no token", null));
        out.add(new ApiOutcome("Full (strict), min TLS 1.2", ProbeRecords.apiZone(SslMode.STRICT, "1.2", true)));
        out.add(new ApiOutcome("Flexible, min TLS 1.0", ProbeRecords.apiZone(SslMode.FLEXIBLE, "1.0", true)));
        out.add(new ApiOutcome("record DNS only", ProbeRecords.apiZone(SslMode.FULL, "1.2", false)));
        out.add(new ApiOutcome("a tunnel", ProbeRecords.apiTunnel()));
        for (ApiProblem.Kind k : ApiProblem.Kind.values()) {
            out.add(new ApiOutcome("not read: " + k, ProbeRecords.apiProblem(k)));
        }
        return out;
    }

    static final int[] SIZES = {ASKS.size(), DNS_OUTCOMES.size(), EDGE_OUTCOMES.size(), EDGE_OUTCOMES.size(),
            ORIGIN_OUTCOMES.size(), TLS_OUTCOMES.size(), TRACE_OUTCOMES.size(), SSL_MODES.size(),
            STATUS_OUTCOMES.size(), API_OUTCOMES.size()};

    /**
     * What the probes cannot produce together: no edge exchange (nor trace) when DNS failed, only the URL's scheme
     * with an explicit port, no origin TLS without an origin, no trace off Cloudflare. {@code -1}: not set yet.
     */
    static boolean applies(int[] row, int dim) {
        DnsOutcome dns = row[DNS] < 0 ? null : DNS_OUTCOMES.get(row[DNS]);
        Asked asked = row[ASKED] < 0 ? null : ASKS.get(row[ASKED]);
        return switch (dim) {
            case HTTPS -> (dns == null || !dns.failed()) && (asked == null || asked.probesHttps());
            case HTTP -> (dns == null || !dns.failed()) && (asked == null || asked.probesHttp());
            case TLS -> row[ORIGIN_SIDE] < 0 || ORIGIN_OUTCOMES.get(row[ORIGIN_SIDE]).known();
            case TRACE -> dns == null || (!dns.failed() && dns.proxied());
            default -> true;
        };
    }

    static <T> int index(List<T> outcomes, Function<T, String> name, String wanted) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (name.apply(outcomes.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no outcome " + wanted);
    }

    static int[] all(int dim) {
        return IntStream.range(0, SIZES[dim]).toArray();
    }

    /** One value per dimension; {@code null} where the dimension does not apply (not run). */
    record Combination(Asked asked, DnsOutcome dns, EdgeOutcome https, EdgeOutcome http, OriginOutcome origin,
            TlsOutcome tls, TraceOutcome trace, SslMode sslMode, StatusOutcome status, ApiOutcome api) {

        static Combination of(int[] row) {
            return new Combination(ASKS.get(row[ASKED]), DNS_OUTCOMES.get(row[DNS]), pick(EDGE_OUTCOMES, row[HTTPS]),
                    pick(EDGE_OUTCOMES, row[HTTP]), ORIGIN_OUTCOMES.get(row[ORIGIN_SIDE]), pick(TLS_OUTCOMES, row[TLS]),
                    pick(TRACE_OUTCOMES, row[TRACE]), SSL_MODES.get(row[SSL_MODE]), STATUS_OUTCOMES.get(row[STATUS]),
                    API_OUTCOMES.get(row[API]));
        }

        private static <T> T pick(List<T> values, int i) {
            return i < 0 ? null : values.get(i);
        }

        DiagnosisInput input() {
            // An IP-literal target has no DNS lookup.
            String host = dns.result() == null ? "104.16.132.229" : HOST;
            Target target = ProbeRecords.target(host, asked.scheme(), asked.port());
            ProbeRecords.Case c = given().target(target).dns(dns.result()).settings(sslMode, null);
            if (https != null || http != null) {
                c.edge(exchange(https, "https", target), exchange(http, "http", target));
            }
            if (origin.known()) {
                c.originGiven(ORIGIN);
                if (origin.result() != null) {
                    c.origin(origin.result());
                }
                if (tls != null && tls.result() != null) {
                    c.tls(tls.result());
                }
            }
            return c.trace(trace == null ? null : trace.result()).status(status.result()).api(api.result())
                    .input();
        }

        private ProbeRecords.Exchange exchange(EdgeOutcome outcome, String scheme, Target target) {
            if (outcome == null) {
                return null;
            }
            ProbeRecords.Exchange e = ProbeRecords.exchange(scheme + "://" + target.authority() + "/");
            return outcome.shape().apply(dns.proxied() ? e : e.direct());
        }

        /** The exchange of the URL asked for, strictly: the http one answering never stands in for https. */
        HttpExchange askedExchange(DiagnosisInput input) {
            EdgeResult edge = input.probes().get(EdgeProbe.KEY);
            return edge == null ? null : asked.askedHttp() ? edge.http() : edge.https();
        }

        @Override
        public String toString() {
            return "asked " + asked.name() + " | dns " + dns.name() + " | https " + name(https) + " | http " + name(http)
                    + " | origin " + origin.name() + " | tls " + (tls == null ? "not run" : tls.name())
                    + " | trace " + (trace == null ? "not run" : trace.name())
                    + " | SSL mode " + (sslMode == null ? "not set" : sslMode.json()) + " | status page " + status.name()
                    + " | API " + api.name();
        }

        private static String name(EdgeOutcome e) {
            return e == null ? "not probed" : e.name();
        }
    }
}
