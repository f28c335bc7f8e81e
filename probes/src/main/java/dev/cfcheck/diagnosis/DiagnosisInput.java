package dev.cfcheck.diagnosis;

import dev.cfcheck.check.ProbeResults;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.util.List;

/**
 * Everything the diagnosis reads: the target, what the probes saw, and what the owner told us.
 *
 * @param target     the validated target
 * @param origins    the origin addresses that were given (empty when unknown)
 * @param probes     the probe results
 * @param settings   per-domain settings (expected SSL mode, notes)
 * @param thresholds limits for SLOW_RESPONSE and CERT_EXPIRING
 */
public record DiagnosisInput(
        Target target,
        List<OriginEndpoint> origins,
        ProbeResults probes,
        DomainSettings settings,
        Thresholds thresholds) {

    public DiagnosisInput {
        origins = List.copyOf(origins);
        settings = settings == null ? DomainSettings.NONE : settings;
        thresholds = thresholds == null ? Thresholds.DEFAULTS : thresholds;
    }
}
