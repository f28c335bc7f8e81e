package dev.cfcheck.diagnosis;

import java.util.List;

/** The verdict plus the other findings, highest rank first. */
public record Diagnosis(Verdict verdict, List<Finding> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }
}
