package dev.cfcheck.probes;

/**
 * Something a probe tried that did not work, for the diagnosis to account for: an ok verdict is only allowed
 * when every failure is explained by the verdict or a finding.
 *
 * @param probe   the probe's key name ("edge", "origin")
 * @param subject what failed inside it ("https", "http", "203.0.113.7:443"), unique within the probe
 * @param kind    the class of failure, {@code null} when not a network failure (an answer that is itself the problem)
 * @param line    one line for people, the same words as the evidence
 */
public record ProbeFailure(String probe, String subject, Failure.Kind kind, String line) {

    /** "edge https": how the failure is named when listed as unexplained. */
    public String id() {
        return probe + " " + subject;
    }
}
