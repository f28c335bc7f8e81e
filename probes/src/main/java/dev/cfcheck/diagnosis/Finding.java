package dev.cfcheck.diagnosis;

/** A secondary observation (the verdict is the highest-ranked finding). */
public record Finding(Kind kind, String code, Severity severity, String title, String summary) {
}
