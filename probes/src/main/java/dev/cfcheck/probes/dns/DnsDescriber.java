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
        return List.of();
    }

    @Override
    public List<ProbeSection> sections(Target target, DnsResult dns) {
        return List.of();
    }

    @Override
    public List<ProbeFailure> failures(Target target, DnsResult dns) {
        if (dns.status() == DnsStatus.OK) {
            return List.of();
        }
        return List.of(new ProbeFailure(DnsProbe.KEY.name(), target.host(), null, failureLine(target.host(), dns)));
    }

    private static String failureLine(String host, DnsResult dns) {
        String via = "resolver " + Words.clean(dns.resolver()) + ", " + dns.elapsedMs() + " ms";
        String detail = dns.detail() == null ? "" : ": " + Words.clean(dns.detail());
        return "DNS: " + dns.status() + " for " + host + " (" + via + ")" + detail;
    }
}
