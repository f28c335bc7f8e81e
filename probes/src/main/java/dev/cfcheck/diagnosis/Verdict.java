package dev.cfcheck.diagnosis;

import java.util.List;

/**
 * The answer: what is wrong, why we think so, and what to do.
 *
 * @param kind      the diagnosis
 * @param code      the HTTP or Cloudflare code seen or inferred ("522", "1020", "NXDOMAIN", "200")
 * @param inferred  true when the code was inferred from the origin probe because the edge did not answer in time
 * @param severity  ok, info, warning or critical
 * @param title     one line
 * @param summary   a few plain sentences
 * @param evidence  which probe saw what, one line each
 * @param nextSteps ordered steps, commands filled in
 */
public record Verdict(
        Kind kind,
        String code,
        boolean inferred,
        Severity severity,
        String title,
        String summary,
        List<String> evidence,
        List<NextStep> nextSteps) {

    public Verdict {
        evidence = List.copyOf(evidence);
        nextSteps = List.copyOf(nextSteps);
    }
}
