package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Placeholder;
import dev.cfcheck.probes.Words;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.tls.TlsResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The origin's or the edge's leaf certificate has fewer days left than the threshold (or has expired).
 * Code = the final HTTP status. An expired origin certificate behind Full (strict) shows up as a 526 verdict
 * from {@link CloudflarePageRule}; this finding stays beside it.
 */
public final class CertExpiryRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        int threshold = seen.thresholds().certExpiryDays();
        List<Candidate> out = new ArrayList<>();
        for (TlsResult t : seen.tls()) {
            if (t.daysLeft() != null && t.daysLeft() < threshold) {
                String expiry = Words.expiry(t.daysLeft());
                out.add(Candidate.of(Kind.CERT_EXPIRING, seen.finalStatus()).withVariant("origin")
                        .withValue(Placeholder.CERT_OWNER, "origin")
                        .withValue(Placeholder.CERT_EXPIRY, expiry)
                        .withAddress(Placeholder.IP, t.address())
                        .withEvidence("TLS: origin certificate on " + Words.hostPort(t.address(), t.port()) + " " + expiry));
            }
        }
        HttpExchange https = seen.https();
        if (https != null && https.certificate() != null && https.certificate().daysLeft() < threshold) {
            String expiry = Words.expiry(https.certificate().daysLeft());
            String owner = https.viaCloudflare() ? "Cloudflare edge" : "site's";
            out.add(Candidate.of(Kind.CERT_EXPIRING, seen.finalStatus()).withVariant("edge")
                    .withValue(Placeholder.CERT_OWNER, owner)
                    .withValue(Placeholder.CERT_EXPIRY, expiry)
                    .withEvidence("TLS: " + owner + " certificate " + expiry));
        }
        return out;
    }
}
