package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The zone asks visitors for TLS 1.2 or newer ({@code min_tls_version}, from the Cloudflare API) while an origin
 * completes no TLS 1.2 or 1.3 handshake: the origin offers less than the zone requires of its visitors. (The
 * setting governs visitors only; Cloudflare still talks older TLS to an origin, so this is a warning, and the
 * verdict stays with what the edge shows.) Accounts for the origin's failed handshake, which is this fact.
 */
public final class OriginTlsMinimumRule implements Rule {

    /** Settings at or above TLS 1.2: a handshake failing on the version then means the origin is below it. */
    private static final Set<String> MODERN_MINIMUMS = Set.of("1.2", "1.3");

    @Override
    public List<Candidate> evaluate(Observations seen) {
        CloudflareApiResult api = seen.api();
        String minimum = api == null ? null : api.settings().minTlsVersion();
        if (minimum == null || !MODERN_MINIMUMS.contains(minimum)) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        for (TlsResult t : seen.tls()) {
            if (t.handshakeOk() || t.failure() != TlsFailure.PROTOCOL_VERSION) {
                continue;
            }
            String where = Words.hostPort(t.address(), t.port());
            Candidate c = Candidate.of(Kind.ORIGIN_TLS_BELOW_MINIMUM, null)
                    .withValue(Placeholder.MIN_TLS, minimum)
                    .withAddress(Placeholder.IP, t.address())
                    .withEvidence("origin " + where + " completes no TLS 1.2 or 1.3 handshake, below the zone's minimum"
                            + " TLS version " + minimum + " for visitors (from the Cloudflare API)")
                    .explaining(OriginTlsProbe.KEY.name() + " " + where);
            for (OriginResult o : seen.origins()) {
                if (o.address().equals(t.address()) && o.http() != null && o.http().failure() != null
                        && o.http().failure().kind() == Failure.Kind.TLS) {
                    c = c.explaining(OriginsProbe.KEY.name() + " " + Words.clean(o.address()) + " GET");
                }
            }
            out.add(c);
        }
        return out;
    }
}
