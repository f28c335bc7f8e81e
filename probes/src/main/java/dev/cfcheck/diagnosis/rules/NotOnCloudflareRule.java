package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.cfapi.CloudflareApiResult;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.HttpExchange;
import java.util.List;

/**
 * The host's addresses are outside Cloudflare's ranges and no response carried a {@code cf-ray}: Cloudflare is
 * not in the path. The "dns-only" variant when the zone does use Cloudflare's nameservers (a grey-cloud record),
 * or when the Cloudflare API lists the host's records as DNS only (naming them).
 * Code = the final status, when there was one.
 */
public final class NotOnCloudflareRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        DnsResult dns = seen.dns();
        if (dns == null || dns.status() != DnsStatus.OK || dns.proxied()) {
            return List.of();
        }
        if (seen.exchanges().stream().anyMatch(x -> x.answered() && x.viaCloudflare())) {
            return List.of();
        }
        Candidate c = Candidate.of(Kind.NOT_ON_CLOUDFLARE, seen.finalStatus());
        CloudflareApiResult api = seen.api();
        if (api != null && api.dnsOnly()) {
            // The zone is on Cloudflare and says which record keeps the host out of the proxy.
            c = c.withVariant("dns-only").withEvidence("at Cloudflare (from the Cloudflare API): " + String.join(", ",
                    api.records().stream().map(r -> Words.clean(r.label())).toList()) + " DNS only (not proxied)");
        } else if (dns.cloudflareNameservers()) {
            c = c.withVariant("dns-only");
        }
        HttpExchange x = seen.primary();
        if (x != null && x.answered() && x.cfRay() == null) {
            c = c.withEvidence(ProbeEvidence.label(x) + ": no cf-ray header in the response");
        }
        return List.of(c);
    }
}
