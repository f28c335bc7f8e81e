package dev.cfcheck.diagnosis;

import static dev.cfcheck.diagnosis.ProbeRecords.HOST;
import static dev.cfcheck.diagnosis.ProbeRecords.ORIGIN;
import static dev.cfcheck.diagnosis.ProbeRecords.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import dev.cfcheck.probes.status.StatusResult;
import dev.cfcheck.probes.trace.TraceResult;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The diagnosis over every combination of probe outcome classes: each probe ok, failed in each way it can fail
 * (every {@link Failure.Kind}, {@link DnsStatus}, {@link TcpState} and {@link TlsFailure}, so a new one is
 * covered without touching this test), silent at the deadline, or not run; the URL asked for over https, http,
 * or with a port (one scheme probed); the origin known or not; the SSL mode the config states; what Cloudflare's
 * status page says. On each, the invariants an on-call reader relies
 * on:
 *
 * <ol>
 *   <li>exactly one verdict, worded, above every finding;</li>
 *   <li>an ok verdict (severity ok or info: exit status 0) only when the URL asked for (https unless the user
 *       typed {@code http://}) got a complete final response through the edge: an http answer never speaks for
 *       https;</li>
 *   <li>no ok verdict while a probe failed unexplained: the only failures an ok verdict may sit on are the origin
 *       refusing cfcheck's own direct connection while Cloudflare serves the page (an origin that allows only
 *       Cloudflare's addresses), and HEALTHY then says so;</li>
 *   <li>every failure appears in the verdict's evidence, in the probe's own words;</li>
 *   <li>words only when true: "no probe saw a problem", "neither HTTPS nor HTTP got a response", and the edge
 *       "accepted the connection" (EDGE_SILENT, a code inferred from silence);</li>
 *   <li>with the URL asked for not answered whole with a success, the verdict is about it, never a code only
 *       the other scheme's answer shows;</li>
 *   <li>the URL asked for connected through Cloudflare and cut at the deadline before its final response (after
 *       a redirect too): EDGE_SILENT, or a code inferred from the origin, unless a worse fault outranks it.</li>
 * </ol>
 *
 * <p>The full product of the classes is some 3.5 billion cases, far too many for a unit test. So two sets run
 * (about 40,000 cases, a few seconds): exhaustive products of what decides whether the site works, where the
 * http-301-while-https-is-silent outages live (see {@link #exhaustiveRows()}); and a pairwise covering array
 * over all nine dimensions (every value of every dimension meets every value of every other at least once,
 * {@link PairwiseRows}). Violations are collected and reported together, a few examples per invariant.
 */
class DiagnosisCombinationsTest {

    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();
    private static final Diagnoser DIAGNOSER = new Diagnoser(KNOWLEDGE);

    private static final int EXAMPLES = 8;

    /**
     * Failures of cfcheck's own direct connection to the origin that an origin allowing only Cloudflare's
     * addresses causes (dropped, refused, reset, or stalled): the one kind an ok verdict may carry, because the
     * page Cloudflare fetched from the origin proves the origin works. A page from Cloudflare's cache proves
     * nothing about the origin.
     */
    private static final Set<Failure.Kind> FILTERED_FROM_HERE = EnumSet.of(Failure.Kind.TIMEOUT, Failure.Kind.REFUSED,
            Failure.Kind.UNREACHABLE, Failure.Kind.RESET, Failure.Kind.TLS_TIMEOUT, Failure.Kind.DEADLINE);

    /** {@code cf-cache-status} values of a page served from Cloudflare's cache, the origin not asked. */
    private static final Set<String> FROM_CACHE = Set.of("HIT", "STALE", "UPDATING");

    // ---- the dimensions

    private static final int ASKED = 0;
    private static final int DNS = 1;
    private static final int HTTPS = 2;
    private static final int HTTP = 3;
    private static final int ORIGIN_SIDE = 4;
    private static final int TLS = 5;
    private static final int TRACE = 6;
    private static final int SSL_MODE = 7;
    private static final int STATUS = 8;

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

    private static final List<Asked> ASKS = List.of(
            new Asked("example.com", null, null),
            new Asked("https://example.com", "https", null),
            new Asked("http://example.com", "http", null),
            new Asked("https://example.com:8443", "https", 8443),
            new Asked("http://example.com:8080", "http", 8080));

    private static final List<DnsOutcome> DNS_OUTCOMES = dnsOutcomes();
    private static final List<EdgeOutcome> EDGE_OUTCOMES = edgeOutcomes();
    private static final List<OriginOutcome> ORIGIN_OUTCOMES = originOutcomes();
    private static final List<TlsOutcome> TLS_OUTCOMES = tlsOutcomes();
    private static final List<TraceOutcome> TRACE_OUTCOMES = traceOutcomes();
    private static final List<StatusOutcome> STATUS_OUTCOMES = statusOutcomes();
    /** The SSL mode the config states for the domain ({@code null}: none): it picks the origin port Cloudflare uses. */
    private static final List<SslMode> SSL_MODES = java.util.stream.Stream.concat(java.util.stream.Stream.of((SslMode) null),
            java.util.Arrays.stream(SslMode.values())).toList();

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

    private static final int[] SIZES = {ASKS.size(), DNS_OUTCOMES.size(), EDGE_OUTCOMES.size(), EDGE_OUTCOMES.size(),
            ORIGIN_OUTCOMES.size(), TLS_OUTCOMES.size(), TRACE_OUTCOMES.size(), SSL_MODES.size(),
            STATUS_OUTCOMES.size()};

    /**
     * What the probes cannot produce together: no edge exchange (nor trace) when DNS failed, only the URL's scheme
     * with an explicit port, no origin TLS without an origin, no trace off Cloudflare. {@code -1}: not set yet.
     */
    private static boolean applies(int[] row, int dim) {
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

    // ---- the runs

    @Test
    void everyCombinationOfOutcomesKeepsTheInvariants(TestReporter reporter) {
        Violations violations = new Violations();
        Set<Kind> reached = EnumSet.noneOf(Kind.class); // as the verdict or a finding
        List<int[]> exhaustive = exhaustiveRows();
        List<int[]> pairwise = PairwiseRows.of(SIZES, DiagnosisCombinationsTest::applies);
        for (List<int[]> rows : List.of(exhaustive, pairwise)) {
            for (int[] row : rows) {
                check(row, violations, reached);
            }
        }
        reporter.publishEntry("combinations", exhaustive.size() + " exhaustive + " + pairwise.size() + " pairwise");

        assertThat(violations.count).as(violations.report()).isZero();
        // Not vacuous: the combinations reach every kind there is (a new kind needs an outcome here that leads to it).
        assertThat(reached).as("kinds reached").containsExactlyInAnyOrder(Kind.values());
    }

    /**
     * The exhaustive products, each with DNS proxied and a trace, duplicates dropped:
     * <ul>
     *   <li>which exchange speaks: URL asked × https × http, the origin unknown or answering;</li>
     *   <li>what the origin says when the edge does not: https × origin × origin TLS for a bare host name,
     *       while http answers 200 (it must not speak for https);</li>
     *   <li>the same for {@code http://}: http × origin, while https answers 200.</li>
     * </ul>
     */
    private static List<int[]> exhaustiveRows() {
        Map<String, int[]> rows = new LinkedHashMap<>();
        int[] proxied = {index(DNS_OUTCOMES, DnsOutcome::name, "proxied")};
        int[] trace = {index(TRACE_OUTCOMES, TraceOutcome::name, "trace")};
        int[] noMode = {0};
        int[] noStatus = {0};
        int[] tlsOk = {index(TLS_OUTCOMES, TlsOutcome::name, "ok")};
        int[] edge200 = {index(EDGE_OUTCOMES, EdgeOutcome::name, "200")};
        int[] unknownOrAnswering = {index(ORIGIN_OUTCOMES, OriginOutcome::name, "unknown"),
                index(ORIGIN_OUTCOMES, OriginOutcome::name, "answers 200")};
        int[] bare = {index(ASKS, Asked::name, "example.com")};
        int[] http = {index(ASKS, Asked::name, "http://example.com")};
        product(rows, all(ASKED), proxied, all(HTTPS), all(HTTP), unknownOrAnswering, tlsOk, trace, noMode, noStatus);
        product(rows, bare, proxied, all(HTTPS), edge200, all(ORIGIN_SIDE), all(TLS), trace, noMode, noStatus);
        product(rows, http, proxied, edge200, all(HTTP), all(ORIGIN_SIDE), tlsOk, trace, noMode, noStatus);
        return new ArrayList<>(rows.values());
    }

    private static <T> int index(List<T> outcomes, java.util.function.Function<T, String> name, String wanted) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (name.apply(outcomes.get(i)).equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no outcome " + wanted);
    }

    private static int[] all(int dim) {
        return java.util.stream.IntStream.range(0, SIZES[dim]).toArray();
    }

    /** Adds every row of the product of these values per dimension; a dimension that does not apply is -1 (not run). */
    private static void product(Map<String, int[]> rows, int[]... choices) {
        int[] at = new int[choices.length];
        while (true) {
            int[] row = new int[choices.length];
            for (int d = 0; d < row.length; d++) {
                row[d] = choices[d][at[d]];
            }
            for (int d = 0; d < row.length; d++) {
                if (!applies(row, d)) {
                    row[d] = -1;
                }
            }
            rows.putIfAbsent(java.util.Arrays.toString(row), row);
            int d = row.length - 1;
            while (d >= 0 && ++at[d] == choices[d].length) {
                at[d--] = 0;
            }
            if (d < 0) {
                return;
            }
        }
    }

    private static void check(int[] row, Violations violations, Set<Kind> reached) {
        Combination c = Combination.of(row);
        DiagnosisInput input = c.input();
        Diagnosis d;
        try {
            d = DIAGNOSER.diagnose(input);
        } catch (RuntimeException e) {
            violations.add("exactly one verdict: the diagnosis threw", c, e.toString());
            return;
        }
        reached.add(d.verdict().kind());
        d.findings().forEach(f -> reached.add(f.kind()));
        List<ProbeFailure> failures = input.probes().failures(input.target());
        oneVerdict(c, d, violations);
        okNeedsTheAskedUrl(c, input, d, violations);
        okExplainsEveryFailure(c, input, d, failures, violations);
        failuresInEvidence(c, d, failures, violations);
        noProblemOnlyWhenTrue(c, input, d, failures, violations);
        otherSchemeNeverSpeaks(c, input, d, violations);
        silenceNeedsAConnection(c, input, d, violations);
        silenceAtTheDeadlineIsNamed(c, input, d, violations);
    }

    // ---- the invariants

    private static void oneVerdict(Combination c, Diagnosis d, Violations violations) {
        Verdict v = d.verdict();
        if (v == null || v.kind() == null || v.severity() == null || v.title() == null || v.title().isBlank()
                || v.summary() == null || v.summary().isBlank() || v.nextSteps().isEmpty()) {
            violations.add("exactly one verdict: an incomplete verdict", c, String.valueOf(v));
            return;
        }
        int rank = KNOWLEDGE.kind(v.kind()).rank();
        for (Finding f : d.findings()) {
            if (KNOWLEDGE.kind(f.kind()).rank() > rank) {
                violations.add("exactly one verdict: a finding outranks the verdict", c, v.kind() + " under " + f.kind());
            }
            if (f.kind() == v.kind()) {
                violations.add("exactly one verdict: the verdict's kind again among the findings", c,
                        v.kind() + " " + v.code() + " and " + f.code());
            }
        }
    }

    private static void okNeedsTheAskedUrl(Combination c, DiagnosisInput input, Diagnosis d, Violations violations) {
        Verdict v = d.verdict();
        if (v.severity().isProblem()) {
            return;
        }
        if (!complete(c.askedExchange(input))) {
            violations.add("ok verdict without a complete answer to the URL asked for", c,
                    v.kind() + " " + v.code() + ": " + v.title());
        }
    }

    private static void okExplainsEveryFailure(Combination c, DiagnosisInput input, Diagnosis d,
            List<ProbeFailure> failures, Violations violations) {
        Verdict v = d.verdict();
        if (v.severity().isProblem()) {
            return;
        }
        HttpExchange asked = c.askedExchange(input);
        for (ProbeFailure f : failures) {
            boolean fromOrigin = asked != null && asked.viaCloudflare()
                    && (asked.cacheStatus() == null || !FROM_CACHE.contains(asked.cacheStatus()));
            boolean originFilteredFromHere = v.kind() == Kind.HEALTHY && fromOrigin
                    && (f.probe().equals(OriginsProbe.KEY.name()) || f.probe().equals(OriginTlsProbe.KEY.name()))
                    && f.kind() != null && FILTERED_FROM_HERE.contains(f.kind());
            if (!originFilteredFromHere) {
                violations.add("ok verdict while a probe failed unexplained", c,
                        v.kind() + " " + v.code() + " over " + f.id() + " " + f.kind());
            }
        }
    }

    private static void failuresInEvidence(Combination c, Diagnosis d, List<ProbeFailure> failures, Violations violations) {
        for (ProbeFailure f : failures) {
            if (d.verdict().evidence().stream().noneMatch(line -> line.contains(f.line()))) {
                violations.add("a failed probe missing from the evidence", c, f.line());
            }
        }
    }

    private static void noProblemOnlyWhenTrue(Combination c, DiagnosisInput input, Diagnosis d, List<ProbeFailure> failures,
            Violations violations) {
        String summary = d.verdict().summary();
        if (summary.contains("no probe saw a problem") && !failures.isEmpty()) {
            violations.add("\"no probe saw a problem\" while one did", c, failures.get(0).id());
        }
        EdgeResult edge = input.probes().get(EdgeProbe.KEY);
        boolean anyAnswer = edge != null && java.util.stream.Stream.of(edge.https(), edge.http())
                .anyMatch(x -> x != null && x.answered());
        if (summary.contains("neither HTTPS nor HTTP got a response") && anyAnswer) {
            violations.add("\"neither HTTPS nor HTTP got a response\" while one did", c, d.verdict().title());
        }
    }

    /**
     * With the URL asked for not answered whole with a success (or redirect), the verdict is about it: never a
     * code only the other scheme's answer shows (http's 301 never speaks for https, nor https's 200 for http).
     */
    private static void otherSchemeNeverSpeaks(Combination c, DiagnosisInput input, Diagnosis d, Violations violations) {
        EdgeResult edge = input.probes().get(EdgeProbe.KEY);
        if (edge == null || edge.https() == null || edge.http() == null) {
            return;
        }
        HttpExchange asked = c.askedExchange(input);
        HttpExchange other = asked == edge.https() ? edge.http() : edge.https();
        Verdict v = d.verdict();
        if ((complete(asked) && asked.status() < 400) || !other.answered() || v.inferred()) {
            return;
        }
        String otherStatus = String.valueOf(other.status());
        if (otherStatus.equals(v.code()) && !otherStatus.equals(String.valueOf(asked.status()))) {
            violations.add("the other scheme's answer speaks for the URL asked for", c, v.kind() + " " + v.code() + ": " + v.title());
        }
    }

    /** "The edge accepted the connection" (silence, or a code inferred from it) only when it did. */
    private static void silenceNeedsAConnection(Combination c, DiagnosisInput input, Diagnosis d, Violations violations) {
        Verdict v = d.verdict();
        if (v.kind() != Kind.EDGE_SILENT && !v.inferred()) {
            return;
        }
        HttpExchange asked = c.askedExchange(input);
        if (asked == null || asked.timings() == null || asked.timings().connectMs() == null) {
            violations.add("edge silence claimed without a connection to the edge", c, v.kind() + " " + v.code() + ": " + v.title());
        }
    }

    /**
     * The URL asked for connected through Cloudflare and had no final response by the deadline: the verdict is
     * EDGE_SILENT, or a code inferred from the origin (Cloudflare's own 522/524 comes only after 19 s / 100 s),
     * unless something ranked above EDGE_SILENT is wrong (the edge refusing the other scheme outright).
     */
    private static void silenceAtTheDeadlineIsNamed(Combination c, DiagnosisInput input, Diagnosis d, Violations violations) {
        HttpExchange asked = c.askedExchange(input);
        if (!c.dns().proxied() || asked == null || asked.failure() == null
                || asked.failure().kind() != Failure.Kind.DEADLINE || asked.timings() == null
                || asked.timings().connectMs() == null || (asked.answered() && asked.redirects().isEmpty())) {
            return;
        }
        Verdict v = d.verdict();
        boolean outranksSilence = KNOWLEDGE.kind(v.kind()).rank() > KNOWLEDGE.kind(Kind.EDGE_SILENT).rank();
        if (v.kind() != Kind.EDGE_SILENT && !v.inferred() && !outranksSilence) {
            violations.add("silence at the deadline not named as such", c, v.kind() + " " + v.code() + ": " + v.title());
        }
    }

    private static boolean complete(HttpExchange x) {
        return x != null && x.answered() && x.failure() == null;
    }

    // ---- one combination

    /** One value per dimension; {@code null} where the dimension does not apply (not run). */
    record Combination(Asked asked, DnsOutcome dns, EdgeOutcome https, EdgeOutcome http, OriginOutcome origin,
            TlsOutcome tls, TraceOutcome trace, SslMode sslMode, StatusOutcome status) {

        static Combination of(int[] row) {
            return new Combination(ASKS.get(row[ASKED]), DNS_OUTCOMES.get(row[DNS]), pick(EDGE_OUTCOMES, row[HTTPS]),
                    pick(EDGE_OUTCOMES, row[HTTP]), ORIGIN_OUTCOMES.get(row[ORIGIN_SIDE]), pick(TLS_OUTCOMES, row[TLS]),
                    pick(TRACE_OUTCOMES, row[TRACE]), SSL_MODES.get(row[SSL_MODE]), STATUS_OUTCOMES.get(row[STATUS]));
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
            return c.trace(trace == null ? null : trace.result()).status(status.result()).input();
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
                    + " | SSL mode " + (sslMode == null ? "not set" : sslMode.json()) + " | status page " + status.name();
        }

        private static String name(EdgeOutcome e) {
            return e == null ? "not probed" : e.name();
        }
    }

    /** Violations by invariant: how many, and the first few combinations with what went wrong. */
    private static final class Violations {
        private final Map<String, List<String>> examples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private int count;

        void add(String invariant, Combination c, String what) {
            count++;
            counts.merge(invariant, 1, Integer::sum);
            List<String> list = examples.computeIfAbsent(invariant, k -> new ArrayList<>());
            if (list.size() < EXAMPLES) {
                list.add(c + "\n      → " + what);
            }
        }

        String report() {
            StringBuilder b = new StringBuilder(count + " violations");
            examples.forEach((invariant, list) -> {
                b.append("\n\n").append(invariant).append(" (").append(counts.get(invariant)).append(" times), e.g.:");
                list.forEach(line -> b.append("\n  ").append(line));
            });
            return b.toString();
        }
    }
}
