package dev.cfcheck.diagnosis.engine;

import dev.cfcheck.diagnosis.Diagnosis;
import dev.cfcheck.diagnosis.DiagnosisInput;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.diagnosis.Verdict;

import dev.cfcheck.diagnosis.rules.BrokenReplyRule;
import dev.cfcheck.diagnosis.rules.Candidate;
import dev.cfcheck.diagnosis.rules.CertExpiryRule;
import dev.cfcheck.diagnosis.rules.ChallengeRule;
import dev.cfcheck.diagnosis.rules.CloudflarePageRule;
import dev.cfcheck.diagnosis.rules.CloudflareStatusRule;
import dev.cfcheck.diagnosis.rules.DnsRule;
import dev.cfcheck.diagnosis.rules.EdgeSilentRule;
import dev.cfcheck.diagnosis.rules.EdgeStatusRule;
import dev.cfcheck.diagnosis.rules.EdgeUnreachableRule;
import dev.cfcheck.diagnosis.rules.HealthyRule;
import dev.cfcheck.diagnosis.rules.NotOnCloudflareRule;
import dev.cfcheck.diagnosis.rules.Observations;
import dev.cfcheck.diagnosis.rules.OriginDisagreementRule;
import dev.cfcheck.diagnosis.rules.RedirectLoopRule;
import dev.cfcheck.diagnosis.rules.Rule;
import dev.cfcheck.diagnosis.rules.SlowResponseRule;
import dev.cfcheck.diagnosis.rules.SslModeRule;
import dev.cfcheck.diagnosis.rules.ApiProblemRule;
import dev.cfcheck.diagnosis.rules.OriginTlsMinimumRule;
import dev.cfcheck.diagnosis.rules.TlsRule;
import dev.cfcheck.probes.ProbeFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the probes saw into a verdict and findings. Every rule proposes candidates; proposals of the
 * same finding are merged; the knowledge base ranks them (the highest is the verdict) and words them.
 *
 * <pre>{@code
 * Diagnoser diagnoser = new Diagnoser(KnowledgeBase.load());
 * Diagnosis d = diagnoser.diagnose(input);
 * }</pre>
 *
 * Thread-safe and stateless between calls.
 */
public final class Diagnoser {

    private final List<Rule> rules;
    private final VerdictWriter writer;

    public Diagnoser(KnowledgeBase knowledge) {
        // One concern each; the order only breaks ties between merged proposals, never the ranking.
        this.rules = List.of(
                new DnsRule(),
                new EdgeUnreachableRule(),
                new EdgeSilentRule(),
                new BrokenReplyRule(),
                new CloudflarePageRule(knowledge),
                new OriginDisagreementRule(knowledge),
                new TlsRule(),
                new RedirectLoopRule(),
                new EdgeStatusRule(),
                new ChallengeRule(),
                new NotOnCloudflareRule(),
                new CertExpiryRule(),
                new SlowResponseRule(),
                new CloudflareStatusRule(),
                new HealthyRule(),
                new SslModeRule(knowledge),
                new OriginTlsMinimumRule(),
                new ApiProblemRule());
        this.writer = new VerdictWriter(knowledge);
    }

    public Diagnosis diagnose(DiagnosisInput input) {
        Observations seen = new Observations(input);
        List<Candidate> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            for (Candidate c : rule.evaluate(seen)) {
                merge(candidates, c);
            }
        }
        unexplained(seen, candidates).ifPresent(candidates::add);
        if (candidates.stream().allMatch(c -> writer.rank(c) < 0)) {
            // Nothing failed and nothing answered: no probe produced anything to read. Never healthy by default.
            // (Kinds ranked below zero are notes about cfcheck's own lookups: never a verdict on the site.)
            candidates.add(Candidate.of(Kind.INCONCLUSIVE, null)
                    .withValue(Placeholder.UNEXPLAINED, "no probe produced a result (no DNS answer and no edge exchange)"));
        }
        candidates.sort(Comparator.comparingInt(writer::rank).reversed());
        Verdict verdict = writer.verdict(candidates.get(0), seen);
        List<Finding> findings = candidates.subList(1, candidates.size()).stream()
                .map(c -> writer.finding(c, seen))
                .toList();
        return new Diagnosis(verdict, findings);
    }

    /**
     * The failures no candidate accounts for, as one INCONCLUSIVE candidate: it outranks every verdict that says
     * the site works, so a failure nobody explains can never sit under an ok verdict.
     */
    private static Optional<Candidate> unexplained(Observations seen, List<Candidate> candidates) {
        List<ProbeFailure> open = seen.input().probes().failures(seen.target()).stream()
                .filter(f -> candidates.stream().noneMatch(c -> c.explains(f)))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = Candidate.of(Kind.INCONCLUSIVE, open.get(0).kind() == null ? null : open.get(0).kind().name())
                .withValue(Placeholder.UNEXPLAINED, String.join("; ", open.stream().map(ProbeFailure::line).toList()));
        for (ProbeFailure f : open) {
            c = c.withEvidence("unexplained: " + f.line()).explaining(f.id());
        }
        return Optional.of(c);
    }

    private static void merge(List<Candidate> candidates, Candidate c) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).sameFindingAs(c)) {
                candidates.set(i, candidates.get(i).mergedWith(c));
                return;
            }
        }
        candidates.add(c);
    }
}
