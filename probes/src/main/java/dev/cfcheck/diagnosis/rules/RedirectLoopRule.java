package dev.cfcheck.diagnosis.rules;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redirects that come back to a URL already visited (or pass 10 hops), on https or http; code = the redirect
 * status. The "flexible" variant when the zone is in Flexible (the Cloudflare API or the config says so), or
 * when an https URL redirects to itself: the origin, reached over plain HTTP by Cloudflare, keeps sending
 * visitors to the https URL they are on.
 *
 * <p>A loop on the scheme not asked for counts only while the URL asked for answered whole with a success or a
 * redirect: when that URL failed, errs or is blocked, the verdict is about it, not about the other scheme.
 */
public final class RedirectLoopRule implements Rule {

    @Override
    public List<Candidate> evaluate(Observations seen) {
        List<Candidate> out = new ArrayList<>();
        HttpExchange asked = seen.primary();
        boolean askedWorks = seen.primaryComplete() && asked.status() < 400;
        for (HttpExchange x : seen.exchanges()) {
            if (!x.redirectLoop() || (x != asked && !askedWorks)) {
                continue;
            }
            List<Redirect> hops = x.redirects();
            String code = !hops.isEmpty() ? String.valueOf(hops.get(hops.size() - 1).status())
                    : x.answered() ? String.valueOf(x.status()) : null;
            Candidate c = Candidate.of(Kind.REDIRECT_LOOP, code);
            if (seen.sslMode() == SslMode.FLEXIBLE) {
                c = c.withVariant("flexible").withEvidence("the zone is in Flexible mode (" + seen.sslModeSource()
                        + "): Cloudflare asks the origin over plain HTTP, so an origin that redirects HTTP to HTTPS"
                        + " sends every visitor back to the URL they asked for");
            } else if (hops.stream().anyMatch(RedirectLoopRule::httpsToItself)) {
                c = c.withVariant("flexible");
            }
            out.add(c);
        }
        return out;
    }

    private static boolean httpsToItself(Redirect r) {
        if (r.from() == null || r.location() == null) {
            return false;
        }
        String from = r.from().toLowerCase(Locale.ROOT);
        return from.startsWith("https://") && trimSlash(from).equals(trimSlash(r.location().toLowerCase(Locale.ROOT)));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
