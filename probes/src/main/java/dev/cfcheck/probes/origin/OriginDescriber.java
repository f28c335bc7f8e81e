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
import java.util.Locale;

/** The words for the origins tried directly. */
final class OriginDescriber implements Describer<List<OriginResult>> {

    private static final int FIELD_ORIGINS = 3;

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
        if (origins.isEmpty()) {
            return notRun(target);
        }
        List<String> lines = new ArrayList<>();
        for (OriginResult o : origins.subList(0, Math.min(FIELD_ORIGINS, origins.size()))) {
            lines.add(Words.clean(o.address()) + ": TCP " + String.join(", ", o.ports().stream().map(OriginDescriber::shortPort).toList()));
            lines.add(shortHttp(o.http()));
        }
        if (origins.size() > FIELD_ORIGINS) {
            lines.add("+" + (origins.size() - FIELD_ORIGINS) + " more origins (see Details)");
        }
        return List.of(new ProbeField(ProbeField.ORIGIN, String.join("\n", lines)));
    }

    @Override
    public List<ProbeField> notRun(Target target) {
        return List.of(new ProbeField(ProbeField.ORIGIN, "not checked: origin unknown (add origin=IP)"));
    }

    @Override
    public List<ProbeSection> sections(Target target, List<OriginResult> origins) {
        List<ProbeSection> out = new ArrayList<>();
        for (OriginResult o : origins) {
            List<String> lines = new ArrayList<>();
            for (PortCheck p : o.ports()) {
                lines.add("TCP " + p.port() + " " + state(p.state()) + " in " + Words.duration(p.connectMs())
                        + (p.detail() == null ? "" : " (" + Words.detail(p.detail()) + ")"));
            }
            OriginHttp h = o.http();
            if (h != null) {
                lines.add("GET " + Words.detail(h.url()) + ": "
                        + (h.status() != null ? "status " + h.status() : "no answer, " + Words.failure(h.failure()))
                        + (h.firstByteMs() == null ? "" : ", first byte " + Words.duration(h.firstByteMs()))
                        + (h.status() != null && h.failure() != null ? ", then " + Words.failure(h.failure()) : ""));
                if (h.server() != null) {
                    lines.add("server: " + Words.detail(h.server()));
                }
            }
            out.add(new ProbeSection("Origin " + Words.detail(o.address()), lines));
        }
        return out;
    }

    /** The origin addresses probed: a public card shows {@code $ORIGIN_IP} instead. */
    @Override
    public List<String> privateAddresses(List<OriginResult> origins) {
        return origins.stream().map(OriginResult::address).toList();
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

    private static String shortPort(PortCheck p) {
        return p.port() + " " + state(p.state()) + " " + Words.duration(p.connectMs());
    }

    private static String state(TcpState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static String shortHttp(OriginHttp http) {
        if (http == null) {
            return "HTTP not tried";
        }
        if (http.status() == null) {
            return "HTTP no answer: " + Words.failure(http.failure());
        }
        return "HTTP " + http.status() + (http.firstByteMs() == null ? "" : " in " + Words.duration(http.firstByteMs()))
                + (http.failure() == null ? "" : ", then " + Words.failure(http.failure()));
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
