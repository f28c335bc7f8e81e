package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/** The page came back with a 2xx or 3xx, from the origin, without a loop or a challenge. The lowest rank. */
public final class HealthyRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        HttpExchange x = seen.primary();
        if (x == null || !x.answered() || x.status() >= 400 || x.page() != null || x.redirectLoop()
                || Observations.isChallenge(x)) {
            return List.of();
        }
        return List.of(Candidate.of(Kind.HEALTHY, String.valueOf(x.status())));
    }
}
