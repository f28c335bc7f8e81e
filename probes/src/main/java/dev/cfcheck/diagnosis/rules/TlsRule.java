package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import java.util.List;

/**
 * Cloudflare reports 525 (handshake) or 526 (certificate): what to do depends on the SSL mode the zone is in,
 * so the configured mode picks the knowledge base's variant ("flexible", "full", "strict"), and the origin
 * whose TLS was examined fills the commands.
 */
public final class TlsRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        String code = CloudflareCodes.seen(seen.primary());
        Kind kind = "525".equals(code) ? Kind.TLS_HANDSHAKE : "526".equals(code) ? Kind.TLS_CERTIFICATE : null;
        if (kind == null) {
            return List.of();
        }
        // Cloudflare's own 525/526 accounts for the origin's TLS failing here too.
        Candidate c = Candidate.of(kind, code).explaining(OriginTlsProbe.KEY.name());
        SslMode mode = seen.sslMode();
        if (mode == SslMode.FLEXIBLE || mode == SslMode.FULL || mode == SslMode.STRICT) {
            c = c.withVariant(mode.json());
        }
        OriginResult origin = seen.firstOrigin();
        if (origin != null && seen.tlsOf(origin) != null) {
            c = c.withAddress(Placeholder.IP, origin.address());
        }
        return List.of(c);
    }
}
