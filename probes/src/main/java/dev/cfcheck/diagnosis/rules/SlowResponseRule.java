package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginResult;
import java.util.List;

/**
 * The page came back, but its first byte took longer than the threshold. Error pages do not count: Cloudflare's
 * own error pages are slow by design (522 after 19 s), and they have a verdict of their own.
 */
public final class SlowResponseRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (x == null || !x.answered() || x.page() != null || x.timings() == null || x.timings().firstByteMs() == null) {
            return List.of();
        }
        long firstByte = x.timings().firstByteMs();
        long limit = seen.thresholds().slowFirstByte().toMillis();
        if (firstByte <= limit) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.SLOW_RESPONSE, String.valueOf(x.status()))
                .withValue(Placeholder.FIRST_BYTE, Words.duration(firstByte))
                .withEvidence(ProbeEvidence.label(x) + ": first byte after " + firstByte + " ms, over the "
                        + limit + " ms threshold");
        OriginResult origin = seen.firstOrigin();
        if (origin != null && origin.http() != null && origin.http().firstByteMs() != null) {
            c = c.withEvidence("origin " + origin.address() + " directly: first byte after " + origin.http().firstByteMs() + " ms");
        }
        return List.of(c);
    }
}
