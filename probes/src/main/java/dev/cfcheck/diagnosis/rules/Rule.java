package dev.cfcheck.diagnosis.rules;

import java.util.List;

/**
 * One concern of the diagnosis ("is this a Cloudflare error page?", "did the edge stay silent?"). A rule reads
 * the observations and proposes zero or more candidates; it does not rank them or word them: the knowledge
 * base does both.
 */
@FunctionalInterface
public interface Rule {

    List<Candidate> evaluate(Observations seen);
}
