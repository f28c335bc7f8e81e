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
        List<ProbeField> out = new ArrayList<>();
        List<String> lines = handshakes.stream()
                .filter(t -> t.failure() != TlsFailure.CONNECT_FAILED) // the origin field already says the port failed
                .map(t -> "TLS " + Words.hostPort(t.address(), t.port()) + ": "
                        + (t.handshakeOk() ? (t.protocol() == null ? "ok" : Words.clean(t.protocol())) : "failed, " + failure(t.failure())))
                .toList();
        if (!lines.isEmpty()) {
            out.add(new ProbeField(ProbeField.ORIGIN, String.join("\n", lines)));
        }
        handshakes.stream().filter(t -> !t.chain().isEmpty()).findFirst()
                .ifPresent(t -> out.add(new ProbeField(ProbeField.CERTIFICATE, "origin: " + certificateFlags(t))));
        return out;
    }

    @Override
    public List<ProbeSection> sections(Target target, List<TlsResult> handshakes) {
        return handshakes.stream().map(TlsDescriber::section).toList();
    }

    /** The origin addresses whose handshakes were tried: a public card shows {@code $ORIGIN_IP} instead. */
    @Override
    public List<String> privateAddresses(List<TlsResult> handshakes) {
        return handshakes.stream().map(TlsResult::address).toList();
    }

    @Override
    public List<ProbeFailure> failures(Target target, List<TlsResult> handshakes) {
        // A handshake that could not connect repeats the origin probe's own port failure: not counted twice.
        return handshakes.stream()
                .filter(t -> !t.handshakeOk() && t.failure() != TlsFailure.CONNECT_FAILED)
                .map(t -> new ProbeFailure(OriginTlsProbe.KEY.name(), Words.hostPort(t.address(), t.port()),
                        stalled(t) ? Failure.Kind.TLS_TIMEOUT : Failure.Kind.TLS, line(t)))
                .toList();
    }

    private static ProbeSection section(TlsResult t) {
        List<String> lines = new ArrayList<>();
        lines.add("SNI " + Words.detail(t.serverName()) + ", handshake " + (t.handshakeOk() ? "ok" : "failed")
                + (t.handshakeMs() == null ? "" : " in " + Words.duration(t.handshakeMs())));
        if (t.protocol() != null || t.cipher() != null) {
            lines.add(Words.detail(t.protocol()) + " " + Words.detail(t.cipher()));
        }
        if (t.failure() != null) {
            lines.add("failure: " + failure(t.failure()) + (t.failureDetail() == null ? "" : " (" + Words.detail(t.failureDetail()) + ")"));
        }
        if (t.hostnameMatches() != null) {
            lines.add("hostname " + (t.hostnameMatches() ? "matches" : "does not match"));
        }
        if (t.trusted() != null) {
            lines.add(t.trusted() ? "trusted chain" : "untrusted chain");
        }
        if (t.selfSigned()) {
            lines.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            lines.add("issued by Cloudflare Origin CA");
        }
        for (CertificateInfo c : t.chain()) {
            lines.add("cert: " + CertificateWords.line(c));
        }
        return new ProbeSection("TLS " + Words.hostPort(t.address(), t.port()), lines);
    }

    /** "expires in 45 days, self-signed": what matters about the origin's certificate, for the card. */
    private static String certificateFlags(TlsResult t) {
        List<String> flags = new ArrayList<>();
        flags.add(Words.expiry(t.daysLeft() != null ? t.daysLeft() : t.chain().get(0).daysLeft()));
        if (t.selfSigned()) {
            flags.add("self-signed");
        }
        if (t.cloudflareOriginCa()) {
            flags.add("Cloudflare Origin CA");
        }
        if (Boolean.FALSE.equals(t.hostnameMatches())) {
            flags.add("name mismatch");
        }
        if (Boolean.FALSE.equals(t.trusted()) && !t.selfSigned() && !t.cloudflareOriginCa()) {
            flags.add("untrusted");
        }
        return String.join(", ", flags);
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
            case TIMEOUT -> "stalled";
            case CONNECT_FAILED -> "could not connect";
            case OTHER -> "error";
        };
    }

    private static boolean stalled(TlsResult t) {
        return !t.handshakeOk() && t.failure() == TlsFailure.TIMEOUT;
    }

    /** "TLS 203.0.113.10:443: TLSv1.3, CN=example.com issued by CN=R3, expires in 60 days, hostname matches, trusted". */
    static String line(TlsResult t) {
        StringBuilder b = new StringBuilder("TLS ").append(Words.hostPort(t.address(), t.port())).append(": ");
        if (stalled(t)) {
            // A stall reads as it does at the edge and in the origin's GET.
            return b.append(Words.failure(new Failure(Failure.Kind.TLS_TIMEOUT, t.failureDetail()))).toString();
        }
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
