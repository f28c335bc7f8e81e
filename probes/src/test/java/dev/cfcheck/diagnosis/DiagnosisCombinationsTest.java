package dev.cfcheck.diagnosis;

import static dev.cfcheck.diagnosis.OutcomeClasses.ASKED;
import static dev.cfcheck.diagnosis.OutcomeClasses.ASKS;
import static dev.cfcheck.diagnosis.OutcomeClasses.DNS_OUTCOMES;
import static dev.cfcheck.diagnosis.OutcomeClasses.EDGE_OUTCOMES;
import static dev.cfcheck.diagnosis.OutcomeClasses.HTTP;
import static dev.cfcheck.diagnosis.OutcomeClasses.HTTPS;
import static dev.cfcheck.diagnosis.OutcomeClasses.ORIGIN_OUTCOMES;
import static dev.cfcheck.diagnosis.OutcomeClasses.ORIGIN_SIDE;
import static dev.cfcheck.diagnosis.OutcomeClasses.SIZES;
import static dev.cfcheck.diagnosis.OutcomeClasses.TLS;
import static dev.cfcheck.diagnosis.OutcomeClasses.TLS_OUTCOMES;
import static dev.cfcheck.diagnosis.OutcomeClasses.TRACE_OUTCOMES;
import static dev.cfcheck.diagnosis.OutcomeClasses.all;
import static dev.cfcheck.diagnosis.OutcomeClasses.applies;
import static dev.cfcheck.diagnosis.OutcomeClasses.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.OutcomeClasses.Asked;
import dev.cfcheck.diagnosis.OutcomeClasses.Combination;
import dev.cfcheck.diagnosis.OutcomeClasses.DnsOutcome;
import dev.cfcheck.diagnosis.OutcomeClasses.EdgeOutcome;
import dev.cfcheck.diagnosis.OutcomeClasses.OriginOutcome;
import dev.cfcheck.diagnosis.OutcomeClasses.TlsOutcome;
import dev.cfcheck.diagnosis.OutcomeClasses.TraceOutcome;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The diagnosis over every combination of probe outcome classes ({@link OutcomeClasses}): each probe ok, failed
 * in each way it can fail, silent at the deadline, or not run; the URL asked for over https, http, or with a
 * port (one scheme probed); the origin known or not; the SSL mode the config states; what Cloudflare's status
 * page and its API say. On each, the invariants an on-call reader relies on:
 *
 * <ol>
 *   <li>exactly one verdict, worded, above every finding;</li>
 *   <li>an ok verdict (severity ok or info: exit status 0) only when the URL asked for (https unless the user
 *       typed {@code http://}) got a complete final response through the edge: an http answer never speaks for
 *       https;</li>
 *   <li>no ok verdict while a probe failed unexplained: the only failures an ok verdict may sit on are the origin
 *       refusing or ignoring cfcheck's own direct requests while Cloudflare fetched the page from it, not from its
 *       cache (an origin that allows only Cloudflare's addresses), and HEALTHY then says so;</li>
 *   <li>every failure appears in the verdict's evidence, in the probe's own words;</li>
 *   <li>words only when true: "no probe saw a problem", "neither HTTPS nor HTTP got a response", and the edge
 *       "accepted the connection" (EDGE_SILENT, a code inferred from silence);</li>
 *   <li>with the URL asked for not answered whole with a success, the verdict is about it, never a code only
 *       the other scheme's answer shows;</li>
 *   <li>the URL asked for connected through Cloudflare and cut at the deadline before its final response (after
 *       a redirect too): EDGE_SILENT, or a code inferred from the origin, unless a worse fault outranks it.</li>
 * </ol>
 *
 * <p>The full product of the classes is some 680 billion cases, far too many for a unit test. So two sets run
 * (about 40,000 cases, some 3 s of CPU): exhaustive products of what decides whether the site works, where the
 * http-301-while-https-is-silent outages live (see {@link #exhaustiveRows()}); and a pairwise covering array
 * over all ten dimensions (every value of every dimension meets every value of every other at least once,
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

    // ---- the runs

    @Test
    void everyCombinationOfOutcomesKeepsTheInvariants(TestReporter reporter) {
        Violations violations = new Violations();
        Set<Kind> reached = EnumSet.noneOf(Kind.class); // as the verdict or a finding
        List<int[]> exhaustive = exhaustiveRows();
        List<int[]> pairwise = PairwiseRows.of(SIZES, OutcomeClasses::applies);
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
        int[] noApi = {0};
        int[] tlsOk = {index(TLS_OUTCOMES, TlsOutcome::name, "ok")};
        int[] edge200 = {index(EDGE_OUTCOMES, EdgeOutcome::name, "200")};
        int[] unknownOrAnswering = {index(ORIGIN_OUTCOMES, OriginOutcome::name, "unknown"),
                index(ORIGIN_OUTCOMES, OriginOutcome::name, "answers 200")};
        int[] bare = {index(ASKS, Asked::name, "example.com")};
        int[] http = {index(ASKS, Asked::name, "http://example.com")};
        product(rows, all(ASKED), proxied, all(HTTPS), all(HTTP), unknownOrAnswering, tlsOk, trace, noMode, noStatus, noApi);
        product(rows, bare, proxied, all(HTTPS), edge200, all(ORIGIN_SIDE), all(TLS), trace, noMode, noStatus, noApi);
        product(rows, http, proxied, edge200, all(HTTP), all(ORIGIN_SIDE), tlsOk, trace, noMode, noStatus, noApi);
        return new ArrayList<>(rows.values());
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
            rows.putIfAbsent(Arrays.toString(row), row);
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
        boolean anyAnswer = edge != null && Stream.of(edge.https(), edge.http())
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
