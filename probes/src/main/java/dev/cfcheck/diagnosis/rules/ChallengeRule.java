package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/** Cloudflare answered with a challenge (a challenge page, or {@code cf-mitigated: challenge}); code = its status. */
public final class ChallengeRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (!CloudflareCodes.isChallenge(x)) {
            return List.of();
        }
        String ray = CloudflareCodes.rayId(x);
        return List.of(Candidate.of(Kind.CHALLENGE, String.valueOf(x.status())).withValue(Placeholder.RAY, ray));
    }
}
