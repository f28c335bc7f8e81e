package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.Describer;
import dev.cfcheck.probes.ProbeFailure;
import dev.cfcheck.probes.ProbeField;
import dev.cfcheck.probes.ProbeSection;
import dev.cfcheck.probes.Words;
import dev.cfcheck.site.Target;
import java.util.ArrayList;
import java.util.List;

/** The words for a DNS result. */
final class DnsDescriber implements Describer<DnsResult> {

    private static final int MAX_ADDRESSES = 4;
    private static final int FIELD_ADDRESSES = 3;

    @Override
    public List<String> evidence(Target target, DnsResult dns) {
        List<String> out = new ArrayList<>();
        String host = target.host();
        String via = "resolver " + Words.clean(dns.resolver()) + ", " + dns.elapsedMs() + " ms";
        if (dns.status() != DnsStatus.OK) {
            out.add(failureLine(host, dns));
        } else {
            List<String> all = dns.addresses();
            String shown = String.join(", ", all.subList(0, Math.min(all.size(), MAX_ADDRESSES)))
                    + (all.size() > MAX_ADDRESSES ? " and " + (all.size() - MAX_ADDRESSES) + " more" : "");
            String where;
            if (dns.cloudflareAddresses().isEmpty()) {
                where = "not in Cloudflare's ranges";
            } else if (dns.cloudflareAddresses().size() == all.size()) {
                where = "Cloudflare";
            } else {
                where = dns.cloudflareAddresses().size() + " of " + all.size() + " in Cloudflare's ranges";
            }
            String chain = dns.cnameChain().isEmpty() ? "" : " via CNAME " + Words.clean(String.join(" → ", dns.cnameChain()));
            out.add("DNS: " + host + " → " + shown + " (" + where + ")" + chain + ", " + via);
        }
        if (dns.zone() != null && !dns.nameservers().isEmpty()) {
            out.add("DNS: zone " + Words.clean(dns.zone()) + ", nameservers " + Words.clean(String.join(", ", dns.nameservers()))
                    + (dns.cloudflareNameservers() ? " (Cloudflare)" : ""));
        }
        return out;
    }

    @Override
    public List<ProbeField> fields(Target target, DnsResult dns) {
        return List.of(
                new ProbeField(ProbeField.DNS, String.join("\n", fieldLines(dns))),
                new ProbeField(ProbeField.TIMINGS, "DNS " + Words.duration(dns.elapsedMs())));
    }

    @Override
    public List<ProbeSection> sections(Target target, DnsResult d) {
        List<String> lines = new ArrayList<>();
        lines.add("resolver " + Words.detail(d.resolver()) + ", status " + d.status() + ", " + Words.duration(d.elapsedMs()));
        if (!d.cnameChain().isEmpty()) {
            lines.add("CNAME " + Words.detail(String.join(" → ", d.cnameChain())));
        }
        if (!d.ipv4().isEmpty()) {
            lines.add("A " + Words.detail(String.join(", ", d.ipv4())));
        }
        if (!d.ipv6().isEmpty()) {
            lines.add("AAAA " + Words.detail(String.join(", ", d.ipv6())));
        }
        if (d.zone() != null) {
            lines.add("zone " + Words.detail(d.zone()) + (d.cloudflareNameservers() ? " (Cloudflare nameservers)" : ""));
        }
        if (!d.nameservers().isEmpty()) {
            lines.add("NS " + Words.detail(String.join(", ", d.nameservers())));
        }
        if (d.cloudflareRanges() != null) {
            // A stale list misreads new Cloudflare addresses as "not on Cloudflare": say which list was used.
            lines.add("Cloudflare ranges: " + Words.detail(d.cloudflareRanges()));
        }
        lines.add(d.proxied()
                ? "in Cloudflare's ranges: " + Words.detail(String.join(", ", d.cloudflareAddresses()))
                : "no address in Cloudflare's ranges");
        if (d.detail() != null) {
            lines.add(Words.detail(d.detail()));
        }
        return List.of(new ProbeSection("DNS", lines));
    }

    @Override
    public List<ProbeFailure> failures(Target target, DnsResult dns) {
        if (dns.status() == DnsStatus.OK) {
            return List.of();
        }
        return List.of(new ProbeFailure(DnsProbe.KEY.name(), target.host(), null, failureLine(target.host(), dns)));
    }

    private static List<String> fieldLines(DnsResult dns) {
        if (dns.status() != DnsStatus.OK) {
            return dns.detail() == null ? List.of(dns.status().name()) : List.of(dns.status().name(), Words.clean(dns.detail()));
        }
        List<String> lines = new ArrayList<>();
        List<String> all = dns.addresses();
        lines.add(Words.clean(String.join(", ", all.subList(0, Math.min(all.size(), FIELD_ADDRESSES))))
                + (all.size() > FIELD_ADDRESSES ? " +" + (all.size() - FIELD_ADDRESSES) + " more" : ""));
        lines.add(dns.proxied() ? "proxied by Cloudflare" : "not proxied (DNS only)");
        if (!dns.cnameChain().isEmpty()) {
            lines.add("CNAME " + Words.clean(dns.cnameChain().get(dns.cnameChain().size() - 1)));
        }
        if (dns.cloudflareNameservers()) {
            lines.add("NS Cloudflare");
        } else if (!dns.nameservers().isEmpty()) {
            lines.add("NS " + Words.clean(dns.nameservers().get(0)));
        }
        return lines;
    }

    private static String failureLine(String host, DnsResult dns) {
        String via = "resolver " + Words.clean(dns.resolver()) + ", " + dns.elapsedMs() + " ms";
        String detail = dns.detail() == null ? "" : ": " + Words.clean(dns.detail());
        return "DNS: " + dns.status() + " for " + host + " (" + via + ")" + detail;
    }
}
