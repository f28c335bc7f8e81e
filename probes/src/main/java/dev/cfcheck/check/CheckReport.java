package dev.cfcheck.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.probes.ProbeResults;
import java.time.Instant;
import java.util.List;

/**
 * The result of one check: the JSON contract of {@code cfcheck check --json} (see README) and the
 * input of every card renderer.
 *
 * @param domain    the host checked (ASCII form)
 * @param target    the URL checked
 * @param checkedAt when the probes ran (UTC)
 * @param elapsedMs how long the probes took
 * @param cached    true when this came from the cache rather than a new probe run
 * @param verdict   the diagnosis
 * @param findings  the other findings
 * @param probes    the raw evidence
 * @param config    what the config says about this domain (expected SSL mode, notes); both null when nothing
 * @param isFinal   JSON {@code final}: true when no follow-up will change this report; false on the report at the
 *                  deadline while a probe still waits for Cloudflare's own answer (a final report follows)
 */
@JsonPropertyOrder({"domain", "target", "checkedAt", "elapsedMs", "cached", "verdict", "findings", "probes", "config", "final"})
public record CheckReport(
        String domain,
        String target,
        Instant checkedAt,
        long elapsedMs,
        boolean cached,
        Verdict verdict,
        List<Finding> findings,
        ProbeResults probes,
        DomainSettings config,
        @JsonProperty("final") boolean isFinal) {

    public CheckReport {
        findings = List.copyOf(findings);
        config = config == null ? DomainSettings.NONE : config;
    }

    /** A final report. */
    public CheckReport(String domain, String target, Instant checkedAt, long elapsedMs, boolean cached,
            Verdict verdict, List<Finding> findings, ProbeResults probes, DomainSettings config) {
        this(domain, target, checkedAt, elapsedMs, cached, verdict, findings, probes, config, true);
    }

    /** A final report for a domain the config says nothing about. */
    public CheckReport(String domain, String target, Instant checkedAt, long elapsedMs, boolean cached,
            Verdict verdict, List<Finding> findings, ProbeResults probes) {
        this(domain, target, checkedAt, elapsedMs, cached, verdict, findings, probes, DomainSettings.NONE);
    }

    /** The same report marked as served from the cache. */
    public CheckReport asCached() {
        return new CheckReport(domain, target, checkedAt, elapsedMs, true, verdict, findings, probes, config, isFinal);
    }
}
