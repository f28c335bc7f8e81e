package dev.cfcheck.bot.card;

import dev.cfcheck.probes.ProbeResults;
import dev.cfcheck.probes.dns.DnsProbe;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.NextStep;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.dns.DnsResult;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.EdgeResult;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.edge.Timings;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.PortCheck;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.CertificateInfo;
import dev.cfcheck.probes.tls.TlsResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports shaped like the checker's, for renderer and adapter tests (the probes themselves are tested
 * against real faults in the probes module). The origin address is 203.0.113.7 (TEST-NET-3: documentation
 * only, never connected to).
 */
public final class SampleReports {

    public static final String ORIGIN = "203.0.113.7";
    public static final Instant CHECKED_AT = Instant.parse("2026-11-24T21:07:19Z");

    private SampleReports() {
    }

    /** example.com behind Cloudflare, edge 522, origin 443 and 80 time out. */
    public static CheckReport originTimeout(String domain) {
        DnsResult dns = new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(), List.of("104.16.132.229"), List.of("2606:4700::6810:84e5"),
                domain, List.of("ada.ns.cloudflare.com", "bob.ns.cloudflare.com"), true, List.of("104.16.132.229"), 12, null);
        HttpExchange https = new HttpExchange("https://" + domain + "/", "https://" + domain + "/", "104.16.132.229", 522,
                "cloudflare", "8c1d2e3f4a5b6c7d-FRA", "8c1d2e3f4a5b6c7d", "FRA", "Frankfurt, DE", null, null, null,
                new CloudflarePage(CloudflarePage.Type.ERROR, "522", "Connection timed out", "8c1d2e3f4a5b6c7d"),
                List.of(), false, new Timings(11L, 23L, 19_004L, 19_010L), cert("CN=" + domain, 80), null);
        OriginResult origin = new OriginResult(ORIGIN, List.of(
                new PortCheck(443, TcpState.TIMEOUT, 3000, "SYN unanswered"),
                new PortCheck(80, TcpState.TIMEOUT, 3000, "SYN unanswered")), null);
        Verdict verdict = new Verdict(Kind.ORIGIN_TIMEOUT, "522", false, Severity.CRITICAL,
                "Connection timed out (522)",
                "Cloudflare could not open a TCP connection to the origin " + ORIGIN + " in time.",
                List.of("edge: HTTP 522 from FRA", "origin " + ORIGIN + ": 443 and 80 time out"),
                List.of(new NextStep("Check the origin answers on 443 from its own network.", "curl -sv --resolve " + domain + ":443:" + ORIGIN + " https://" + domain + "/"),
                        new NextStep("Allow Cloudflare's ranges in the firewall.", "sudo ufw allow from 173.245.48.0/20 to any port 443 proto tcp"),
                        new NextStep("Look at the web server's error log.", null)));
        return new CheckReport(domain, "https://" + domain + "/", CHECKED_AT, 3050, false, verdict,
                List.of(new Finding(Kind.CERT_EXPIRING, "200", Severity.WARNING, "Edge certificate expires soon", "in 10 days")),
                ProbeResults.builder().put(DnsProbe.KEY, dns).put(EdgeProbe.KEY, new EdgeResult(https, null)).put(OriginsProbe.KEY, List.of(origin)).put(OriginTlsProbe.KEY, List.of()).build());
    }

    /**
     * The report at the deadline while Cloudflare has not answered yet ({@code final: false}); its final one is
     * {@link #originTimeout(String)}.
     */
    public static CheckReport edgeSilentPreliminary(String domain) {
        CheckReport last = originTimeout(domain);
        Verdict verdict = new Verdict(Kind.EDGE_SILENT, "DEADLINE", false, Severity.CRITICAL,
                "No answer from Cloudflare for " + domain + " after 10 s",
                "The edge accepted the connection and has not answered after 10 s.",
                List.of("edge https: no answer by the deadline"),
                List.of(new NextStep("Give cfcheck the origin.", "/cfcheck " + domain + " origin=IP")));
        return new CheckReport(domain, last.target(), CHECKED_AT, 10_000, false, verdict, List.of(), last.probes(),
                last.config(), false);
    }

    /** A healthy site with an origin that answers over TLS. */
    public static CheckReport healthy(String domain) {
        DnsResult dns = new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(), List.of("104.16.132.229"), List.of(),
                domain, List.of("ada.ns.cloudflare.com"), true, List.of("104.16.132.229"), 8, null);
        HttpExchange https = new HttpExchange("https://" + domain + "/", "https://" + domain + "/", "104.16.132.229", 200,
                "cloudflare", "8c1d2e3f4a5b6c7e-AMS", "8c1d2e3f4a5b6c7e", "AMS", "Amsterdam, NL", "HIT", null, null, null,
                List.of(), false, new Timings(10L, 20L, 80L, 95L), cert("CN=" + domain, 60), null);
        OriginResult origin = new OriginResult(ORIGIN, List.of(new PortCheck(443, TcpState.CONNECTED, 9, null)),
                new OriginHttp("https://" + ORIGIN + ":443/", 200, "nginx", 40L, null));
        TlsResult tls = new TlsResult(ORIGIN, 443, domain, true, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 15L,
                List.of(cert("CN=" + domain, 45)), true, true, false, false, 45L, null, null);
        Verdict verdict = new Verdict(Kind.HEALTHY, "200", false, Severity.OK, "Healthy", "The site answers through Cloudflare.",
                List.of("edge: HTTP 200"), List.of());
        return new CheckReport(domain, "https://" + domain + "/", CHECKED_AT, 120, false, verdict, List.of(),
                ProbeResults.builder().put(DnsProbe.KEY, dns).put(EdgeProbe.KEY, new EdgeResult(https, null)).put(OriginsProbe.KEY, List.of(origin)).put(OriginTlsProbe.KEY, List.of(tls)).build());
    }

    /**
     * A 5xx where probed data tries everything: mentions, links, backticks, markup, bidi and zero-width characters,
     * escape sequences, 10 KB strings, too many steps.
     */
    public static CheckReport hostile(String domain) {
        String big = "A".repeat(10_240);
        String nasty = "<!channel> <!here> @here @channel <@U024BE7LH> <#C024BE7LH> <https://evil.example|click me> "
                + "```` `rm -rf /` *bold* _it_ ~strike~ & < > " + HiddenText.SAMPLE + " " + big;
        DnsResult dns = new DnsResult("127.0.0.53:53", DnsStatus.OK, List.of(nasty), List.of("104.16.132.229"), List.of(),
                domain, List.of(nasty), false, List.of("104.16.132.229"), 8, nasty);
        List<Redirect> redirects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            redirects.add(new Redirect(301, "https://" + domain + "/" + i, nasty));
        }
        HttpExchange https = new HttpExchange("https://" + domain + "/", nasty, "104.16.132.229", 502,
                nasty, nasty, nasty, nasty, nasty, nasty, nasty, nasty,
                new CloudflarePage(CloudflarePage.Type.ERROR, "502", nasty, nasty),
                redirects, true, new Timings(1L, 2L, 3L, 4L), cert(nasty, 3), new Failure(Failure.Kind.PROTOCOL, nasty));
        List<OriginResult> origins = new ArrayList<>();
        List<TlsResult> tls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String ip = "203.0.113." + (10 + i);
            origins.add(new OriginResult(ip, List.of(new PortCheck(443, TcpState.CONNECTED, 5, nasty)),
                    new OriginHttp("https://" + ip + "/", 502, nasty, 5L, null)));
            tls.add(new TlsResult(ip, 443, domain, true, nasty, nasty, 3L, List.of(cert(nasty, 3), cert(nasty, 900)),
                    false, false, true, false, 3L, null, nasty));
        }
        List<NextStep> steps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            steps.add(new NextStep("Step " + i + " " + nasty, "curl -H 'X: " + nasty + "' https://" + domain + "/"));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            findings.add(new Finding(Kind.SLOW_RESPONSE, nasty, Severity.INFO, nasty, nasty));
        }
        Verdict verdict = new Verdict(Kind.ORIGIN_HTTP_ERROR, "502", false, Severity.CRITICAL, nasty, nasty,
                List.of(nasty, nasty), steps);
        return new CheckReport(domain, "https://" + domain + "/", CHECKED_AT, 4000, true, verdict, findings,
                ProbeResults.builder().put(DnsProbe.KEY, dns).put(EdgeProbe.KEY, new EdgeResult(https, https)).put(OriginsProbe.KEY, origins).put(OriginTlsProbe.KEY, tls).build());
    }

    public static CertificateInfo cert(String subject, long daysLeft) {
        return new CertificateInfo(subject, "CN=Test CA", List.of("example.com"), CHECKED_AT.minusSeconds(86_400L * 30),
                CHECKED_AT.plusSeconds(86_400L * daysLeft), daysLeft, false, "00");
    }
}
