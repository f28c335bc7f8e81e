/**
 * The diagnosis: from what the probes saw to one verdict, other findings, and next steps.
 *
 * <p>Flow: {@link dev.cfcheck.diagnosis.engine.Diagnoser} (in its own package, so the rules never
 * depend back on the engine) asks each rule in {@code dev.cfcheck.diagnosis.rules}
 * (one concern each) for candidates; proposals of the same finding merge; the
 * {@link dev.cfcheck.diagnosis.KnowledgeBase} ranks them (highest rank = verdict) and words them. All meaning,
 * causes, severities, ranks and steps live in {@code knowledge.yaml} beside these classes; Java holds only
 * the rules (what was seen) and the facts written as evidence.
 *
 * <p>Commands in next steps are {@link dev.cfcheck.diagnosis.CommandTemplate}s: every value that came from
 * the user, DNS or the network is shell-quoted where it lands ({@link dev.cfcheck.diagnosis.ShellQuote}), and
 * an unknown origin address is written as {@code $ORIGIN_IP}.
 *
 * <p>The records {@code Kind, Severity, Verdict, Finding, NextStep, Diagnosis, DiagnosisInput, DomainSettings,
 * SslMode, Thresholds} are shared with the probes, the checker and the renderers.
 */
package dev.cfcheck.diagnosis;
