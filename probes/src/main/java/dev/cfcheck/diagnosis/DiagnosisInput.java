package dev.cfcheck.diagnosis;

import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.time.Duration;
import java.util.List;

/**
 * Everything the diagnosis reads: the target, what the probes saw, and what the owner told us.
 *
 * @param target     the validated target
 * @param origins    the origin addresses that were given (empty when unknown)
 * @param probes     the probe results
 * @param settings   per-domain settings (expected SSL mode, notes)
 * @param thresholds limits for SLOW_RESPONSE and CERT_EXPIRING
 * @param timeout    the check's deadline (how long the edge had to answer)
 */
public record DiagnosisInput(
        Target target,
        List<OriginEndpoint> origins,
        ProbeResults probes,
        DomainSettings settings,
        Thresholds thresholds,
        Duration timeout) {

    /** The deadline when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** With the default deadline. */
    public DiagnosisInput(Target target, List<OriginEndpoint> origins, ProbeResults probes, DomainSettings settings,
            Thresholds thresholds) {
        this(target, origins, probes, settings, thresholds, DEFAULT_TIMEOUT);
    }

    public DiagnosisInput {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        probes = probes == null ? ProbeResults.EMPTY : probes;
        origins = List.copyOf(origins);
        settings = settings == null ? DomainSettings.NONE : settings;
        thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
    }
}
