package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.List;

/**
 * The zone's SSL/TLS mode (read from the Cloudflare API, else as the config says) explains Cloudflare's code from
 * the origin's side, and picks the knowledge base's variant for it:
 * <ul>
 * <li>Flexible with 521 or 522: Cloudflare talks plain HTTP to port 80, and the origin listens only on 443;
 * <li>Full or Full (strict) with 525: what the origin's 443 does instead of a handshake (plain HTTP, so no
 *     certificate at all; no version or cipher in common);
 * <li>Full (strict) with 526: what is wrong with the origin's certificate (self-signed, expired, another name).
 * </ul>
 * The code is Cloudflare's, seen or inferred by {@link CloudflareCodes}; this rule proposes the same finding as
 * the rule that found it, with the mode's variant and the origin's fact, and the two are merged.
 */
public final class SslModeRule implements Rule {

    private final KnowledgeBase knowledge;

    public SslModeRule(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<Candidate> evaluate(Observations seen) {
        SslMode mode = seen.sslMode();
        OriginResult origin = seen.firstOrigin();
        String code = CloudflareCodes.seen(seen.primary());
        boolean inferred = false;
        if (code == null && seen.edgeSilent() && origin != null) {
            CloudflareCodes.Inferred guess = CloudflareCodes.inferFromOrigin(seen.reach(origin));
            code = guess == null ? null : guess.code();
            inferred = code != null;
        }
        if (mode == null || code == null) {
            return List.of();
        }
        String zone = "the zone is in " + mode.label() + " mode (" + seen.sslModeSource() + ")";
        Candidate c = switch (mode) {
            case FLEXIBLE -> flexible(seen, origin, code, zone);
            case FULL, STRICT -> "525".equals(code) ? handshake(seen, origin, mode, zone)
                    : "526".equals(code) && mode == SslMode.STRICT ? certificate(seen, origin, zone) : null;
            case OFF -> null;
        };
        if (c == null) {
            return List.of();
        }
        return List.of(inferred ? c.asInferred() : c);
    }

    /** 521/522 in Flexible from an origin that accepts on 443 but not on 80. */
    private Candidate flexible(Observations seen, OriginResult origin, String code, String zone) {
        if (!CloudflareCodes.CANNOT_CONNECT.contains(code) || "523".equals(code) || origin == null) {
            return null;
        }
        PortCheck tls = seen.tlsPort(origin);
        PortCheck plain = seen.cloudflarePort(origin);
        if (tls == null || tls.state() != TcpState.CONNECTED || plain == tls || plain.state() == TcpState.CONNECTED) {
            return null;
        }
        String what = plain.state() == TcpState.REFUSED ? "refuses the connection" : "does not answer the connection";
        String line = zone + ": Cloudflare connects to the origin over plain HTTP on port 80, where origin "
                + Words.hostPort(origin.address(), plain.port()) + " " + what + ", while "
                + Words.hostPort(origin.address(), tls.port()) + " accepts connections";
        return Candidate.of(knowledge.kindOfCode(code), code).withVariant("flexible").withEvidence(line)
                .withAddress(Placeholder.IP, origin.address())
                .explaining(OriginsProbe.KEY.name() + " " + Words.hostPort(origin.address(), plain.port()));
    }

    /** 525 in Full or Full (strict): what the origin's TLS port does instead of a handshake. */
    private static Candidate handshake(Observations seen, OriginResult origin, SslMode mode, String zone) {
        Candidate c = Candidate.of(Kind.TLS_HANDSHAKE, "525").withVariant(mode.json());
        TlsResult tls = origin == null ? null : seen.tlsOf(origin);
        if (tls == null || tls.handshakeOk() || tls.failure() == null) {
            return c.withEvidence(zone + ": Cloudflare needs a TLS handshake with the origin");
        }
        String why = switch (tls.failure()) {
            case PLAIN_HTTP -> "answers plain HTTP there: no TLS, so no certificate at all";
            case PROTOCOL_VERSION -> "has no TLS version in common with a current client";
            case NO_SHARED_CIPHER -> "has no cipher suite in common with a current client";
            case CONNECTION_CLOSED -> "closes the connection during the handshake (often: no certificate for this name)";
            case TIMEOUT -> "does not complete the handshake";
            case CONNECT_FAILED, OTHER -> "fails the handshake";
        };
        return c.withAddress(Placeholder.IP, origin.address()).withEvidence(zone + ": Cloudflare needs a TLS handshake"
                + " with the origin, and origin " + Words.hostPort(tls.address(), tls.port()) + " " + why);
    }

    /** 526 in Full (strict): what Cloudflare's check of the origin's certificate stops at. */
    private static Candidate certificate(Observations seen, OriginResult origin, String zone) {
        Candidate c = Candidate.of(Kind.TLS_CERTIFICATE, "526").withVariant("strict");
        TlsResult tls = origin == null ? null : seen.tlsOf(origin);
        String why = tls == null || !tls.handshakeOk() ? null
                : tls.expired() ? "presents a certificate that " + Words.expiry(tls.daysLeft())
                : tls.selfSigned() ? "presents a self-signed certificate"
                : Boolean.FALSE.equals(tls.hostnameMatches()) ? "presents a certificate that does not cover " + seen.target().host()
                : Boolean.FALSE.equals(tls.trusted()) && !tls.cloudflareOriginCa() ? "presents a certificate no public CA vouches for"
                : null;
        if (why == null) {
            return c.withEvidence(zone + ": Cloudflare accepts only an origin certificate that is in date, covers the"
                    + " host and chains to a public CA or its Origin CA");
        }
        return c.withAddress(Placeholder.IP, origin.address()).withEvidence(zone + ": Cloudflare checks the origin's"
                + " certificate, and origin " + Words.hostPort(tls.address(), tls.port()) + " " + why);
    }
}
