package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;

/** The words for the origins tried directly. */
final class OriginDescriber implements Describer<List<OriginResult>> {

    @Override
    public List<String> evidence(Target target, List<OriginResult> origins) {
        List<String> out = new ArrayList<>();
        for (OriginResult o : origins) {
            for (PortCheck p : o.ports()) {
                out.add(port(o.address(), p));
            }
            if (o.http() != null) {
                out.add(http(o.address(), o.http()));
            }
        }
        return out;
    }

    @Override
    public List<ProbeField> fields(Target target, List<OriginResult> origins) {
        return List.of();
    }

    @Override
    public List<ProbeSection> sections(Target target, List<OriginResult> origins) {
        return List.of();
    }

    @Override
    public List<ProbeFailure> failures(Target target, List<OriginResult> origins) {
        List<ProbeFailure> out = new ArrayList<>();
        String probe = OriginsProbe.KEY.name();
        for (OriginResult o : origins) {
            for (PortCheck p : o.ports()) {
                if (p.state() != TcpState.CONNECTED) {
                    out.add(new ProbeFailure(probe, Words.hostPort(o.address(), p.port()), kindOf(p.state()), port(o.address(), p)));
                }
            }
            if (o.http() != null && o.http().failure() != null) {
                out.add(new ProbeFailure(probe, Words.clean(o.address()) + " GET", o.http().failure().kind(), http(o.address(), o.http())));
            }
        }
        return out;
    }

    private static Failure.Kind kindOf(TcpState state) {
        return switch (state) {
            case REFUSED -> Failure.Kind.REFUSED;
            case TIMEOUT -> Failure.Kind.TIMEOUT;
            case UNREACHABLE -> Failure.Kind.UNREACHABLE;
            case CONNECTED -> null;
        };
    }

    /** "origin 203.0.113.10:443: connected in 12 ms". */
    static String port(String address, PortCheck p) {
        String where = "origin " + Words.hostPort(address, p.port()) + ": ";
        return where + switch (p.state()) {
            case CONNECTED -> "connected in " + p.connectMs() + " ms";
            case REFUSED -> "connection refused in " + p.connectMs() + " ms";
            case TIMEOUT -> "no answer to the connection (SYN) after " + p.connectMs() + " ms";
            case UNREACHABLE -> "unreachable (no route)" + (p.detail() != null ? ": " + Words.clean(p.detail()) : "");
        };
    }

    /** "origin 203.0.113.10: GET https://203.0.113.10/ (Host: example.com) → 200 after 45 ms". */
    static String http(String address, OriginHttp h) {
        StringBuilder b = new StringBuilder("origin ").append(Words.clean(address)).append(": GET ").append(Words.clean(h.url()));
        if (h.status() != null) {
            b.append(" → ").append(h.status());
            if (h.server() != null) {
                b.append(" from ").append(Words.clean(h.server()));
            }
            if (h.firstByteMs() != null) {
                b.append(", first byte after ").append(h.firstByteMs()).append(" ms");
            }
            if (h.failure() != null) {
                b.append(", then ").append(Words.failure(h.failure()));
            }
        } else {
            b.append(" → no response");
            if (h.failure() != null) {
                b.append(": ").append(Words.failure(h.failure()));
            }
        }
        return b.toString();
    }
}
