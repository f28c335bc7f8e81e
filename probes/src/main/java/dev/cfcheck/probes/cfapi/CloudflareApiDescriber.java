package dev.cfcheck.probes.cfapi;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.IpLiteral;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words for what the Cloudflare API said about the zone, its records and the origin. */
final class CloudflareApiDescriber implements Describer<CloudflareApiResult> {

    /** The card's field for the zone and its settings. */
    static final String FIELD = "Cloudflare";
    private static final String FROM_API = "from the Cloudflare API";

    @Override
    public List<String> evidence(Target target, CloudflareApiResult r) {
        List<String> out = new ArrayList<>();
        if (r.zone() != null) {
            out.add("cloudflare api: zone " + zone(r));
        }
        for (ApiRecord record : r.records()) {
            out.add("cloudflare api: " + record(record));
        }
        if (r.zone() != null && r.records().isEmpty() && r.problems().stream().noneMatch(p -> p.during().equals(RecordReader.DURING))) {
            out.add("cloudflare api: no A, AAAA or CNAME record for " + Words.clean(target.host()) + " in the zone");
        }
        if (!r.settings().unread()) {
            out.add("cloudflare api: " + settings(r.settings(), ", "));
        }
        for (String ip : r.refused()) {
            out.add("cloudflare api: origin " + Words.clean(ip) + " not probed: address refused by the safe-target policy");
        }
        for (ApiProblem p : r.problems()) {
            out.add("cloudflare api: " + problem(p));
        }
        return out;
    }

    @Override
    public List<ProbeField> fields(Target target, CloudflareApiResult r) {
        List<ProbeField> out = new ArrayList<>();
        out.add(new ProbeField(FIELD, zoneField(r)));
        String origin = originField(r);
        if (origin != null) {
            out.add(new ProbeField(ProbeField.ORIGIN, origin));
        }
        if (r.dnsOnly()) {
            out.add(new ProbeField(ProbeField.DNS, "at Cloudflare: " + String.join(", ",
                    r.records().stream().map(rec -> Words.clean(rec.label())).toList()) + " DNS only (not proxied)"));
        }
        return out;
    }

    @Override
    public List<ProbeSection> sections(Target target, CloudflareApiResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.zone() != null ? "zone " + zone(r) : "zone not found");
        for (ApiRecord record : r.records()) {
            lines.add(record(record));
        }
        if (!r.settings().unread()) {
            lines.add(settings(r.settings(), ", "));
        }
        if (r.tunnel() != null) {
            lines.add("origin: Cloudflare Tunnel " + r.tunnel() + " (no origin address; cloudflared connects out to Cloudflare)");
        }
        for (String ip : r.origins()) {
            lines.add("origin " + Words.clean(ip) + (r.originsUsed() ? ": probed directly" : ": not probed, the origin given was"));
        }
        for (String ip : r.refused()) {
            lines.add("origin " + Words.clean(ip) + ": not probed, refused by the safe-target policy");
        }
        for (ApiProblem p : r.problems()) {
            lines.add(Words.detail(problem(p)));
        }
        lines.add("API time " + Words.duration(r.elapsedMs()));
        return List.of(new ProbeSection("Cloudflare API", lines));
    }

    /**
     * None. What the API could not say (a refused token, a missing scope, a 429, no answer) is no fault of the
     * site: the diagnosis words it as a note beside the verdict, and a failure here would turn a healthy site
     * inconclusive whenever the token has a bad day.
     */
    /** The addresses behind proxied records, probed or not: the Cloudflare API knows them, the public does not. */
    @Override
    public List<String> privateAddresses(CloudflareApiResult r) {
        return r.originRecords().stream().map(ApiRecord::content).toList();
    }

    @Override
    public List<ProbeFailure> failures(Target target, CloudflareApiResult r) {
        return List.of();
    }

    /** "example.com · SSL Full (strict) · Always Use HTTPS on · min TLS 1.2 · TLS 1.3 on · AOP off". */
    private static String zoneField(CloudflareApiResult r) {
        if (r.zone() == null) {
            ApiProblem p = r.problems().isEmpty() ? null : r.problems().get(0);
            return "not read: " + (p == null ? "no answer" : reason(p));
        }
        String line = zone(r);
        if (!r.settings().unread()) {
            line += " · " + settings(r.settings(), " · ");
        }
        List<ApiProblem> unread = r.problems();
        if (!unread.isEmpty()) {
            line += "\n" + String.join("\n", unread.stream().map(p -> Words.clean(p.during()) + " not read: " + reason(p)).toList());
        }
        return line;
    }

    /** Where the origin came from, or what it is: a tunnel, a name, an address the policy refused. */
    private static String originField(CloudflareApiResult r) {
        if (r.tunnel() != null) {
            return "Cloudflare Tunnel " + r.tunnel() + " (" + FROM_API + ", " + Words.clean(tunnelRecord(r)) + "): no origin"
                    + " address, cloudflared connects out to Cloudflare";
        }
        if (!r.originsUsed()) {
            return null; // origin= or the config named the origins: they are the ones probed
        }
        List<String> used = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (ApiRecord record : r.originRecords()) {
            String ip = IpLiteral.parse(record.content()).map(IpLiteral::format).orElse(null);
            (r.refused().contains(ip) ? refused : used).add(Words.clean(record.label()));
        }
        List<String> lines = new ArrayList<>();
        if (!used.isEmpty()) {
            lines.add(FROM_API + ", " + String.join(", ", used.stream().distinct().toList()));
        }
        if (!refused.isEmpty()) {
            lines.add(FROM_API + ", " + String.join(", ", refused.stream().distinct().toList())
                    + ": not probed (address refused by the safe-target policy)");
        }
        for (ApiRecord record : r.records()) {
            if (record.type().equals("CNAME") && record.proxied()) {
                lines.add(FROM_API + ", " + Words.clean(record.label()) + " → " + Words.clean(record.content())
                        + ": a name, not probed (add origin=IP)");
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String tunnelRecord(CloudflareApiResult r) {
        return r.records().stream().filter(x -> x.type().equals("CNAME") && x.content() != null
                && x.content().toLowerCase(Locale.ROOT).startsWith(r.tunnel())).map(ApiRecord::label)
                .findFirst().orElse("a CNAME");
    }

    private static String zone(CloudflareApiResult r) {
        StringBuilder b = new StringBuilder(Words.clean(r.zone()));
        if (r.zoneStatus() != null && !r.zoneStatus().equals("active")) {
            b.append(" (").append(Words.clean(r.zoneStatus())).append(')');
        }
        if (Boolean.TRUE.equals(r.zonePaused())) {
            b.append(" (paused: Cloudflare proxies nothing)");
        }
        return b.toString();
    }

    /** "record A shop.example.com → 203.0.113.7, proxied". */
    private static String record(ApiRecord r) {
        return Words.clean(r.label()) + " → " + Words.clean(r.content()) + (r.proxied() ? ", proxied" : ", DNS only (not proxied)");
    }

    /** "SSL Full (strict), Always Use HTTPS on, min TLS 1.2, TLS 1.3 on, AOP off" (what was read). */
    static String settings(ZoneSettings s, String joiner) {
        List<String> parts = new ArrayList<>();
        if (s.ssl() != null) {
            parts.add("SSL " + s.ssl().label());
        }
        add(parts, "Always Use HTTPS ", s.alwaysUseHttps());
        add(parts, "min TLS ", s.minTlsVersion());
        add(parts, "TLS 1.3 ", s.tls13());
        add(parts, "AOP ", s.authenticatedOriginPulls());
        return String.join(joiner, parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null) {
            parts.add(label + Words.clean(value));
        }
    }

    /** "zone settings: 403, 10000 Authentication error". */
    private static String problem(ApiProblem p) {
        return Words.clean(p.during()) + " not read: " + reason(p);
    }

    /** "token refused (401, 9109 Invalid access token)". */
    private static String reason(ApiProblem p) {
        String what = switch (p.kind()) {
            case INVALID_TOKEN -> "token refused";
            case NOT_PERMITTED -> "token not permitted";
            case ZONE_NOT_FOUND -> "zone not found";
            case RATE_LIMITED -> "rate limited";
            case TIMEOUT -> "no answer in time";
            case UNAVAILABLE -> "API unavailable";
            case BAD_ANSWER -> "unexpected answer";
        };
        List<String> detail = new ArrayList<>();
        if (p.status() != null) {
            detail.add(String.valueOf(p.status()));
        }
        if (p.code() != null) {
            detail.add(p.code() + (p.message() == null ? "" : " " + Words.clean(p.message())));
        } else if (p.message() != null && p.kind() != ApiProblem.Kind.TIMEOUT) {
            detail.add(Words.clean(p.message()));
        }
        if (p.retryAfterSeconds() != null) {
            detail.add("retry after " + p.retryAfterSeconds() + " s");
        }
        return detail.isEmpty() ? what : what + " (" + String.join(", ", detail) + ")";
    }
}
