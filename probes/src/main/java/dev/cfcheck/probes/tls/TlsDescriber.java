package dev.cfcheck.probes.tls;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;

/** The words for the TLS handshakes with the origins. */
final class TlsDescriber implements Describer<List<TlsResult>> {

    @Override
    public List<String> evidence(Target target, List<TlsResult> handshakes) {
        return handshakes.stream().map(TlsDescriber::line).toList();
    }

    @Override
    public List<ProbeField> fields(Target target, List<TlsResult> handshakes) {
        return List.of();
    }

    @Override
    public List<ProbeSection> sections(Target target, List<TlsResult> handshakes) {
        return List.of();
    }

    @Override
    public List<ProbeFailure> failures(Target target, List<TlsResult> handshakes) {
        // A handshake that could not connect repeats the origin probe's own port failure: not counted twice.
        return handshakes.stream()
                .filter(t -> !t.handshakeOk() && t.failure() != TlsFailure.CONNECT_FAILED)
                .map(t -> new ProbeFailure(OriginTlsProbe.KEY.name(), Words.hostPort(t.address(), t.port()),
                        t.failure() == TlsFailure.TIMEOUT ? Failure.Kind.TLS_TIMEOUT : Failure.Kind.TLS, line(t)))
                .toList();
    }

    /** The handshake failure in words ("no TLS version in common"). */
    public static String failure(TlsFailure f) {
        if (f == null) {
            return "error";
        }
        return switch (f) {
            case PLAIN_HTTP -> "the port answers plain HTTP, not TLS";
            case PROTOCOL_VERSION -> "no TLS version in common";
            case NO_SHARED_CIPHER -> "no cipher suite in common";
            case CONNECTION_CLOSED -> "the server closed the connection during the handshake";
            case TIMEOUT -> "timed out";
            case CONNECT_FAILED -> "could not connect";
            case OTHER -> "error";
        };
    }

    /** "TLS 203.0.113.10:443: TLSv1.3, CN=example.com issued by CN=R3, expires in 60 days, hostname matches, trusted". */
    static String line(TlsResult t) {
        StringBuilder b = new StringBuilder("TLS ").append(Words.hostPort(t.address(), t.port())).append(": ");
        if (!t.handshakeOk()) {
            b.append("handshake failed");
            if (t.failure() != null) {
                b.append(": ").append(failure(t.failure()));
            }
            if (t.failureDetail() != null) {
                b.append(" (").append(Words.clean(t.failureDetail())).append(')');
            }
            return b.toString();
        }
        List<String> parts = new ArrayList<>();
        if (t.protocol() != null) {
            parts.add(Words.clean(t.protocol()));
        }
        if (!t.chain().isEmpty()) {
            CertificateInfo leaf = t.chain().get(0);
            parts.add("certificate " + Words.clean(leaf.subject()) + " issued by " + Words.clean(leaf.issuer()));
        }
        if (t.daysLeft() != null) {
            parts.add("certificate " + Words.expiry(t.daysLeft()));
        }
        if (Boolean.FALSE.equals(t.hostnameMatches())) {
            parts.add("does NOT cover " + Words.clean(t.serverName()));
        } else if (Boolean.TRUE.equals(t.hostnameMatches())) {
            parts.add("covers " + Words.clean(t.serverName()));
        }
        if (t.selfSigned()) {
            parts.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            parts.add("Cloudflare Origin CA");
        }
        if (Boolean.TRUE.equals(t.trusted())) {
            parts.add("trusted");
        } else if (Boolean.FALSE.equals(t.trusted())) {
            parts.add("not trusted by public CAs");
        }
        return b.append(String.join(", ", parts)).toString();
    }
}
