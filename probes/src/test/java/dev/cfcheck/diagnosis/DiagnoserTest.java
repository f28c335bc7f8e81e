package dev.cfcheck.diagnosis;

import static dev.cfcheck.diagnosis.ProbeRecords.HOST;
import static dev.cfcheck.diagnosis.ProbeRecords.ORIGIN;
import static dev.cfcheck.diagnosis.ProbeRecords.given;
import static dev.cfcheck.diagnosis.ProbeRecords.http;
import static dev.cfcheck.diagnosis.ProbeRecords.https;
import static dev.cfcheck.diagnosis.ProbeRecords.origin;
import static dev.cfcheck.diagnosis.ProbeRecords.originAnswer;
import static dev.cfcheck.diagnosis.ProbeRecords.originSilent;
import static dev.cfcheck.diagnosis.ProbeRecords.port;
import static dev.cfcheck.diagnosis.ProbeRecords.tls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.dns.DnsStatus;
import dev.cfcheck.probes.edge.CloudflarePage;
import dev.cfcheck.probes.edge.Redirect;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.TlsFailure;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiagnoserTest {

    private final Diagnoser diagnoser = new Diagnoser(KnowledgeBase.load());

    private Diagnosis diagnose(ProbeRecords.Case c) {
        Diagnosis d = diagnoser.diagnose(c.input());
        // Whatever the case, a verdict is complete: words, evidence and at least one step with text.
        assertThat(d.verdict().title()).isNotBlank().doesNotContain("{", "<");
        assertThat(d.verdict().summary()).isNotBlank().doesNotContain("{host}", "{code", "<");
        assertThat(d.verdict().nextSteps()).isNotEmpty().allSatisfy(s -> assertThat(s.text()).isNotBlank());
        assertThat(d.verdict().evidence()).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r", "\u001b"));
        return d;
    }

    private static List<String> commands(Diagnosis d) {
        return d.verdict().nextSteps().stream().map(NextStep::command).filter(c -> c != null).toList();
    }

    private static List<Kind> findingKinds(Diagnosis d) {
        return d.findings().stream().map(Finding::kind).toList();
    }

    @Nested
    class Healthy {

        @Test
        void pageThroughCloudflareIsHealthyWithTheStatusAsCode() {
            Diagnosis d = diagnose(given().edge(https(200), http(200)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(d.verdict().code()).isEqualTo("200");
            assertThat(d.verdict().severity()).isEqualTo(Severity.OK);
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.findings()).isEmpty();
            assertThat(d.verdict().evidence())
                    .contains("edge https: 200 from cloudflare (colo DTW in Detroit, US, ray a23c92d51bc8a952), first byte after 120 ms")
                    .contains("DNS: example.com → 104.16.132.229, 2606:4700::6810:84e5 (Cloudflare), resolver 127.0.0.53:53, 12 ms")
                    .contains("DNS: zone example.com, nameservers ada.ns.cloudflare.com, bob.ns.cloudflare.com (Cloudflare)");
            assertThat(commands(d)).contains("curl -s https://example.com/cdn-cgi/trace");
        }
    }

    @Nested
    class OriginFiltered {

        @Test
        void originRefusingUsWhileCloudflareFetchesThePageIsHealthyAndSaysWhy() {
            Diagnosis d = diagnose(given().edge(https(200), http(200))
                    .origin(origin(null, port(443, TcpState.TIMEOUT), port(80, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(d.verdict().summary()).doesNotContain("no probe saw a problem").contains("only Cloudflare's addresses");
        }

        @Test
        void originAcceptingButStallingOurHandshakeIsNotSaidToRefuseTheConnection() {
            // A scrubbing proxy in front of the origin completes TCP with anyone, then drops what is not Cloudflare's.
            Diagnosis d = diagnose(given().edge(https(200), http(200))
                    .origin(origin(null, port(443, TcpState.CONNECTED), port(80, TcpState.CONNECTED)))
                    .tls(ProbeRecords.tlsFailed(TlsFailure.TIMEOUT)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(d.verdict().summary()).contains("refused or ignored cfcheck's own direct requests")
                    .doesNotContain("did not accept");
        }

        @Test
        void aPageFromCloudflaresCacheDoesNotVouchForAnOriginThatDoesNotAnswer() {
            Diagnosis d = diagnose(given().edge(https(200).cacheStatus("HIT"), http(200))
                    .origin(origin(null, port(443, TcpState.TIMEOUT), port(80, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.INCONCLUSIVE);
            assertThat(d.verdict().severity().isProblem()).isTrue();
            assertThat(d.verdict().evidence()).anyMatch(l -> l.startsWith("unexplained: origin 203.0.113.10:443"));
        }
    }

    @Nested
    class OriginErrors {

        @Test
        void originsOwn502PassedThroughIsOriginHttpError() {
            Diagnosis d = diagnose(given().edge(https(502).server("cloudflare")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_HTTP_ERROR);
            assertThat(d.verdict().code()).isEqualTo("502");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().title()).isEqualTo("The origin of example.com itself answers 502");
        }

        @Test
        void origins404IsAClientErrorWarningNotAnOutage() {
            Diagnosis d = diagnose(given().target(ProbeRecords.target("/missing")).edge(https(404)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_HTTP_ERROR);
            assertThat(d.verdict().code()).isEqualTo("404");
            assertThat(d.verdict().severity()).isEqualTo(Severity.WARNING);
            assertThat(d.verdict().title()).isEqualTo("The origin of example.com answers 404 for /missing");
        }

        @Test
        void cloudflare520PageIsUnknownResponse() {
            Diagnosis d = diagnose(given().edge(https(520).page(CloudflarePage.Type.ERROR, "520")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
            assertThat(d.verdict().code()).isEqualTo("520");
            assertThat(d.verdict().summary()).contains("Usual causes:").contains("16 KB");
        }

        @Test
        void cloudflare521WithOriginRefusingIsOriginRefused() {
            Diagnosis d = diagnose(given().edge(https(521).page(CloudflarePage.Type.ERROR, "521"))
                    .origin(origin(null, port(443, TcpState.REFUSED), port(80, TcpState.REFUSED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
            assertThat(d.verdict().code()).isEqualTo("521");
            assertThat(d.verdict().title()).doesNotContain("yet");
            assertThat(d.verdict().evidence()).contains("origin 203.0.113.10:443: connection refused in 12 ms");
            assertThat(commands(d)).contains("sudo ss -tlnp '( sport = :80 or sport = :443 )'",
                    "curl -sv -o /dev/null -H 'Host: example.com' http://203.0.113.10/");
        }

        @Test
        void cloudflare523IsOriginUnreachable() {
            Diagnosis d = diagnose(given().edge(https(523).page(CloudflarePage.Type.ERROR, "523"))
                    .origin(origin(null, port(443, TcpState.UNREACHABLE), port(80, TcpState.UNREACHABLE))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("523");
            assertThat(commands(d)).contains("mtr -rwbzc 20 203.0.113.10");
        }

        @Test
        void cloudflare524IsResponseTimeout() {
            Diagnosis d = diagnose(given().edge(https(524).page(CloudflarePage.Type.ERROR, "524"))
                    .origin(origin(originSilent(), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("524");
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().summary()).contains("100 s");
        }

        @Test
        void cloudflareOnlyStatusWithoutARecognisedPageStillCounts() {
            Diagnosis d = diagnose(given().edge(https(522)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("522");
        }
    }

    @Nested
    class Timeout522 {

        @Test
        void edge522WithOriginSynUnansweredIsPlain522WithTheRealIpInCommands() {
            Diagnosis d = diagnose(given().edge(https(522).page(CloudflarePage.Type.ERROR, "522"))
                    .origin(origin(null, port(443, TcpState.TIMEOUT), port(80, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().title()).isEqualTo("522: Cloudflare cannot connect to the origin of example.com");
            assertThat(d.verdict().summary()).contains("19 s").contains("firewall dropping Cloudflare's ranges");
            assertThat(d.verdict().evidence())
                    .contains("edge https: 522 from cloudflare (colo DTW in Detroit, US, ray a23c92d51bc8a952), "
                            + "Cloudflare error page 522 \"example.com | 522\", first byte after 120 ms")
                    .contains("origin 203.0.113.10:443: no answer to the connection (SYN) after 3000 ms");
            assertThat(commands(d))
                    .contains("curl -sv --resolve example.com:443:203.0.113.10 https://example.com/")
                    .anyMatch(c -> c.contains("ufw allow proto tcp from $ip to any port 80,443"))
                    .anyMatch(c -> c.contains("iptables -I INPUT"))
                    .anyMatch(c -> c.contains("nft insert rule inet filter input"));
        }

        @Test
        void edge522ButOriginAnswersDirectlyMeansAFirewallBlocksCloudflare() {
            Diagnosis d = diagnose(given().edge(https(522).page(CloudflarePage.Type.ERROR, "522"))
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED), port(80, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("522");
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().title()).contains("firewall is likely blocking Cloudflare");
            assertThat(d.verdict().summary()).contains("cfcheck connected to 203.0.113.10 directly");
            assertThat(d.verdict().evidence()).contains(
                    "edge and origin disagree: Cloudflare reports 522, but origin 203.0.113.10:443 accepted a connection from here in 12 ms");
            assertThat(commands(d).get(0)).isEqualTo(
                    "sudo ufw status verbose; sudo iptables -S INPUT; sudo nft list ruleset; sudo fail2ban-client status");
            assertThat(d.findings()).isEmpty();
        }

        @Test
        void edge521ButOriginAcceptsConnectionsSaysItRejectsCloudflare() {
            Diagnosis d = diagnose(given().edge(https(521).page(CloudflarePage.Type.ERROR, "521"))
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
            assertThat(d.verdict().title()).contains("it rejects Cloudflare");
        }

        @Test
        void edge523ButOriginConnectsPointsAtRoutingOrAStaleRecord() {
            Diagnosis d = diagnose(given().edge(https(523).page(CloudflarePage.Type.ERROR, "523"))
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_UNREACHABLE);
            assertThat(d.verdict().title()).isEqualTo("523, yet the origin answers here: Cloudflare cannot route to 203.0.113.10");
        }

        @Test
        void originGivenInTheConfigButNotProbedIsStillUsedInCommandsInItsShortForm() {
            ProbeRecords.Case c = given().edge(https(522).page(CloudflarePage.Type.ERROR, "522"));
            DiagnosisInput in = c.input();
            DiagnosisInput withOrigin = new DiagnosisInput(in.target(), List.of(ProbeRecords.endpoint("2001:db8::10")),
                    in.probes(), in.settings(), in.thresholds());

            Diagnosis d = diagnoser.diagnose(withOrigin);

            assertThat(d.verdict().summary()).doesNotContain("--origin IP");
            assertThat(commands(d)).contains("curl -sv --resolve example.com:443:'[2001:db8::10]' https://example.com/");
        }

        @Test
        void originUnknownSaysWhatCouldNotBeCheckedAndHowToSupplyIt() {
            Diagnosis d = diagnose(given().edge(https(522).page(CloudflarePage.Type.ERROR, "522")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().summary())
                    .contains("could not look at the origin server itself")
                    .contains("--origin IP")
                    .contains("domains: example.com: origins:");
            NextStep first = d.verdict().nextSteps().get(0);
            assertThat(first.command()).isEqualTo("cfcheck check https://example.com/ --origin $ORIGIN_IP");
            assertThat(commands(d))
                    .contains("curl -sv --resolve example.com:443:$ORIGIN_IP https://example.com/")
                    .noneMatch(c -> c.contains("203.0.113.10"));
        }
    }

    @Nested
    class Inference {

        private ProbeRecords.Case silentEdge() {
            return given().edge(https(0).failed(Failure.Kind.DEADLINE, true), http(0).failed(Failure.Kind.DEADLINE, true));
        }

        @Test
        void silentEdgeAndOriginSynUnansweredInfers522() {
            Diagnosis d = diagnose(silentEdge().origin(origin(null, port(443, TcpState.TIMEOUT), port(80, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("522");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().summary()).contains("inferred from probing the origin directly");
            assertThat(d.verdict().evidence())
                    .contains("inferred 522: no answer from the edge by the deadline, and origin 203.0.113.10:443 did not answer the connection (SYN)")
                    .anyMatch(l -> l.startsWith("edge https: no answer from 104.16.132.229 (connected in 20 ms): no answer by the deadline"));
        }

        @Test
        void silentEdgeAndOriginConnectedButMuteInfers524() {
            Diagnosis d = diagnose(silentEdge().origin(origin(originSilent(), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.RESPONSE_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("524");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("accepted the connection but sent no HTTP response"));
        }

        @Test
        void silentEdgeAndOriginRefusingInfers521() {
            Diagnosis d = diagnose(silentEdge().origin(origin(null, port(443, TcpState.REFUSED), port(80, TcpState.REFUSED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_REFUSED);
            assertThat(d.verdict().code()).isEqualTo("521");
            assertThat(d.verdict().inferred()).isTrue();
        }

        @Test
        void flexibleModeReadsTheOriginsPort80() {
            Diagnosis d = diagnose(silentEdge().settings(SslMode.FLEXIBLE, null)
                    .origin(origin(null, port(443, TcpState.CONNECTED), port(80, TcpState.TIMEOUT))));

            assertThat(d.verdict().code()).isEqualTo("522");
            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("origin 203.0.113.10:80 did not answer"));
        }

        @Test
        void httpUrlRedirectedToHttpsThatIsSilentInfersFromTheOriginsHttpsPort() {
            // "Always Use HTTPS" answers http:// at once; the https hop it leads to is what Cloudflare holds.
            Diagnosis d = diagnose(given().target(ProbeRecords.target(HOST, "http", null))
                    .edge(https(0).failed(Failure.Kind.DEADLINE, true), http(301)
                            .redirects(false, new Redirect(301, "http://example.com/", "https://example.com/"))
                            .thenFailed(Failure.Kind.DEADLINE))
                    .origin(origin(null, port(443, TcpState.TIMEOUT), port(80, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().code()).isEqualTo("522");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("origin 203.0.113.10:443 did not answer"));
        }

        @Test
        void silentEdgeWhileTheOriginAnswersIsAnInferredDisagreement() {
            Diagnosis d = diagnose(silentEdge().origin(origin(originAnswer(200), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().title()).contains("firewall");
            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("yet origin 203.0.113.10:443 answered 200 directly"));
        }

        @Test
        void silentEdgeWithoutAnOriginCannotInferAndSaysHowToFindOut() {
            Diagnosis d = diagnose(silentEdge());

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_SILENT);
            assertThat(d.verdict().code()).isEqualTo("DEADLINE");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().title()).isEqualTo("No answer from Cloudflare for example.com after 10 s");
            assertThat(d.verdict().summary()).contains("has not answered after 10 s").contains("522 at 19 s")
                    .contains("524 at 100 s").contains("--origin IP");
            assertThat(commands(d)).contains("curl -s -o /dev/null -m 120 -w '%{http_code} after %{time_total}s\\n' https://example.com/");
        }

        @Test
        void silentServerOffCloudflareIsUnreachableNotAnInference() {
            Diagnosis d = diagnose(silentEdge().dns(ProbeRecords.plainDns(false))
                    .origin(origin(null, port(443, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("DEADLINE");
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().title()).isEqualTo("example.com cannot be reached at the addresses DNS gives (DEADLINE)");
            assertThat(findingKinds(d)).containsExactly(Kind.NOT_ON_CLOUDFLARE);
        }

        @Test
        void httpsFailingAtTheEdgeWhileHttpAnswersIsEdgeUnreachableOverHttps() {
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.TLS, true), http(200)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("TLS");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().title()).isEqualTo("HTTPS to example.com fails at the edge (TLS) while plain HTTP answers");
            assertThat(d.verdict().evidence()).contains("https fails (TLS) while http answers 200");
            assertThat(commands(d)).contains("openssl s_client -connect 104.16.132.229:443 -servername example.com </dev/null 2>/dev/null"
                    + " | openssl x509 -noout -subject -issuer -dates -ext subjectAltName");
        }

        @Test
        void httpAskedForFailingWhileHttpsAnswersIsEdgeUnreachableOverHttpNotNeither() {
            Diagnosis d = diagnose(given().target(ProbeRecords.target(HOST, "http", null))
                    .edge(https(200), http(0).failed(Failure.Kind.REFUSED, false)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("REFUSED");
            assertThat(d.verdict().title()).isEqualTo("Plain HTTP to example.com fails at the edge (REFUSED) while HTTPS answers");
            assertThat(d.verdict().summary()).doesNotContain("neither").contains("http://example.com/");
            assertThat(d.verdict().evidence()).contains("http fails (REFUSED) while https answers 200");
            assertThat(commands(d)).contains("curl -sv -o /dev/null http://example.com/");
        }

        @Test
        void httpsCutByTheDeadlineWhileHttpAnsweredIsNotCalledBroken() {
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.DEADLINE, true), http(200)));

            assertThat(d.verdict().kind()).isNotEqualTo(Kind.EDGE_UNREACHABLE);
        }

        @Test
        void edgeNeverConnectedByTheDeadlineIsUnreachableNotSilent() {
            // SYN to the edge unanswered until the deadline: nothing holds the request while it tries the origin.
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.DEADLINE, false), http(200))
                    .origin(origin(null, port(443, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("DEADLINE");
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().summary()).doesNotContain("accepted the connection");
        }

        @Test
        void edgeThatRefusesIsUnreachableNotAnInference() {
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.REFUSED, false), http(0).failed(Failure.Kind.REFUSED, false))
                    .origin(origin(null, port(443, TcpState.TIMEOUT))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("REFUSED");
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(commands(d)).contains("mtr -rwbzc 20 104.16.132.229");
        }
    }

    /** Replies that break and handshakes that stall are found at once: never a pass, and 520/525 when the origin says so. */
    @Nested
    class BrokenRepliesAndStalledHandshakes {

        private ProbeRecords.Case silentEdge() {
            return given().edge(https(0).failed(Failure.Kind.DEADLINE, true), http(301));
        }

        @Test
        void bodyCutShortAtTheEdgeWithNoOriginKnownIsABrokenReplyNeverHealthy() {
            Diagnosis d = diagnose(given().edge(https(200).brokenOff(), http(301)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_BROKEN_REPLY);
            assertThat(d.verdict().code()).isEqualTo("BROKEN_REPLY");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().inferred()).isFalse();
            assertThat(d.verdict().title()).isEqualTo("example.com sends a broken reply");
            assertThat(d.verdict().summary()).contains("Content-Length").contains("--origin IP");
            assertThat(d.verdict().evidence()).anyMatch(l -> l.startsWith("edge https: 200 from cloudflare")
                    && l.endsWith(", then the reply was empty or invalid (the body broke off: unexpected end of stream)"));
            assertThat(findingKinds(d)).doesNotContain(Kind.HEALTHY, Kind.INCONCLUSIVE);
        }

        @Test
        void connectionClosedInsideTheHeadersIsABrokenReplyNotAnUnreachableEdge() {
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.BROKEN_REPLY, true), http(301)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_BROKEN_REPLY);
            assertThat(findingKinds(d)).doesNotContain(Kind.EDGE_UNREACHABLE);
        }

        @Test
        void brokenEdgeReplyAndBrokenOriginReplyInfer520() {
            Diagnosis d = diagnose(given().edge(https(200).brokenOff())
                    .origin(origin(ProbeRecords.originBroken(200), port(443, TcpState.CONNECTED))).tls(tls(60)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
            assertThat(d.verdict().code()).isEqualTo("520");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().summary()).contains("or its reply broke off");
            assertThat(d.verdict().evidence()).contains("inferred 520: the reply through the edge broke, and origin "
                    + "203.0.113.10:443 accepted the connection but its reply was empty or invalid");
            assertThat(commands(d)).anyMatch(c -> c.contains(ORIGIN));
        }

        @Test
        void brokenEdgeReplyWhileTheOriginAnswersWholeStaysTheEdgesBrokenReply() {
            Diagnosis d = diagnose(given().edge(https(200).brokenOff())
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED))).tls(tls(60)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_BROKEN_REPLY);
            assertThat(d.verdict().inferred()).isFalse();
        }

        @Test
        void silentEdgeAndAnOriginClosingInsideTheHeadersInfer520() {
            Diagnosis d = diagnose(silentEdge().origin(origin(ProbeRecords.originBroken(null), port(443, TcpState.CONNECTED)))
                    .tls(tls(60)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_UNKNOWN_RESPONSE);
            assertThat(d.verdict().code()).isEqualTo("520");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().evidence()).anyMatch(l -> l.startsWith("inferred 520: no answer from the edge by the deadline"));
        }

        @Test
        void silentEdgeAndAnOriginWhoseHandshakeStallsInfer525() {
            Diagnosis d = diagnose(silentEdge().origin(origin(ProbeRecords.originHandshakeStalled(), port(443, TcpState.CONNECTED)))
                    .tls(ProbeRecords.tlsFailed(TlsFailure.TIMEOUT)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.TLS_HANDSHAKE);
            assertThat(d.verdict().code()).isEqualTo("525");
            assertThat(d.verdict().inferred()).isTrue();
            assertThat(d.verdict().evidence()).anyMatch(l -> l.endsWith("accepted the connection but did not complete the TLS handshake"));
        }

        @Test
        void theOriginsGetAloneTellsAStalledHandshakeWhenTheTlsProbeSaidNothing() {
            Diagnosis d = diagnose(silentEdge().origin(origin(ProbeRecords.originHandshakeStalled(), port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().code()).isEqualTo("525");
            assertThat(d.verdict().inferred()).isTrue();
        }

        @Test
        void edgeHandshakeStallingWhileHttpRedirectsIsAnUnreachableHttpsEdge() {
            Diagnosis d = diagnose(given().edge(https(0).failed(Failure.Kind.TLS_TIMEOUT, true), http(301)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.EDGE_UNREACHABLE);
            assertThat(d.verdict().code()).isEqualTo("TLS_TIMEOUT");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void wholeEdgeAnswerWithAnOriginReplyBrokenFromHereIsNotHealthy() {
            Diagnosis d = diagnose(given().edge(https(200))
                    .origin(origin(ProbeRecords.originBroken(null), port(443, TcpState.CONNECTED))).tls(tls(60)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.INCONCLUSIVE);
            assertThat(d.verdict().evidence()).anyMatch(l -> l.startsWith("unexplained: origin 203.0.113.10: GET"));
        }
    }

    @Nested
    class Tls {

        private ProbeRecords.Case edge525(SslMode mode) {
            return given().edge(https(525).page(CloudflarePage.Type.ERROR, "525")).settings(mode, null)
                    .origin(origin(null, port(443, TcpState.CONNECTED))).tls(ProbeRecords.tlsFailed(TlsFailure.PLAIN_HTTP));
        }

        @Test
        void handshake525InFullModeTalksAboutTheHandshakeAndOffersFlexibleAsStopgap() {
            Diagnosis d = diagnose(edge525(SslMode.FULL));

            assertThat(d.verdict().kind()).isEqualTo(Kind.TLS_HANDSHAKE);
            assertThat(d.verdict().code()).isEqualTo("525");
            assertThat(d.verdict().title()).contains("525 in Full mode");
            assertThat(d.verdict().evidence())
                    .contains("TLS 203.0.113.10:443: handshake failed: the port answers plain HTTP, not TLS (handshake alert)")
                    .contains("config: SSL mode Full");
            assertThat(commands(d))
                    .contains("openssl s_client -connect 203.0.113.10:443 -servername example.com -brief </dev/null")
                    .anyMatch(c -> c.contains("--data '{\"value\":\"flexible\"}'"));
        }

        @Test
        void originGivenWithAPortIsReachedOnThatPortByOpenssl() {
            ProbeRecords.Case c = edge525(SslMode.FULL);
            DiagnosisInput in = c.input();
            DiagnosisInput withPort = new DiagnosisInput(in.target(),
                    List.of(new dev.cfcheck.site.OriginEndpoint(in.origins().get(0).address(), 8443)),
                    in.probes(), in.settings(), in.thresholds());

            Diagnosis d = diagnoser.diagnose(withPort);

            assertThat(commands(d)).contains("openssl s_client -connect 203.0.113.10:8443 -servername example.com -brief </dev/null");
        }

        @Test
        void handshake525InStrictModeDoesNotSuggestFlexible() {
            Diagnosis d = diagnose(edge525(SslMode.STRICT));

            assertThat(d.verdict().title()).contains("Full (strict) mode");
            assertThat(commands(d)).noneMatch(c -> c.contains("\"value\":\"flexible\""));
        }

        @Test
        void handshake525WhileConfigSaysFlexibleSaysTheConfigIsWrong() {
            Diagnosis d = diagnose(edge525(SslMode.FLEXIBLE));

            assertThat(d.verdict().title()).contains("config says Flexible");
            assertThat(d.verdict().summary()).contains("(Flexible)");
        }

        @Test
        void handshake525WithoutAConfiguredModeUsesThePlainWording() {
            Diagnosis d = diagnose(edge525(null));

            assertThat(d.verdict().title()).isEqualTo("525: the TLS handshake between Cloudflare and the origin of example.com fails");
        }

        @Test
        void certificate526InStrictModeOffersFullAsQuickFixAndExpiredCertStaysAFinding() {
            Diagnosis d = diagnose(given().edge(https(526).page(CloudflarePage.Type.ERROR, "526")).settings(SslMode.STRICT, null)
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED)))
                    .tls(ProbeRecords.tls(ORIGIN, -3, false, true)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.TLS_CERTIFICATE);
            assertThat(d.verdict().code()).isEqualTo("526");
            assertThat(d.verdict().title()).contains("Full (strict) mode");
            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("certificate expired 3 days ago"));
            assertThat(commands(d))
                    .contains("openssl s_client -connect 203.0.113.10:443 -servername example.com </dev/null 2>/dev/null "
                            + "| openssl x509 -noout -dates -subject -issuer")
                    .anyMatch(c -> c.contains("--data '{\"value\":\"full\"}'"));
            assertThat(findingKinds(d)).containsExactly(Kind.CERT_EXPIRING);
            assertThat(d.findings().get(0).title()).isEqualTo("The origin certificate for example.com expired 3 days ago");
            assertThat(d.findings().get(0).code()).isEqualTo("526");
        }

        @Test
        void certificate526WhileConfigSaysFullSaysTheZoneIsReallyStrict() {
            Diagnosis d = diagnose(given().edge(https(526).page(CloudflarePage.Type.ERROR, "526")).settings(SslMode.FULL, null));

            assertThat(d.verdict().title()).contains("config says Full");
        }
    }

    @Nested
    class Ranking {

        @Test
        void edge522BeatsAnExpiringCertificateWhichStaysAFinding() {
            Diagnosis d = diagnose(given().edge(https(522).page(CloudflarePage.Type.ERROR, "522"))
                    .origin(origin(null, port(443, TcpState.TIMEOUT)))
                    .tls(tls(5)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
            assertThat(findingKinds(d)).containsExactly(Kind.CERT_EXPIRING);
            Finding cert = d.findings().get(0);
            assertThat(cert.severity()).isEqualTo(Severity.WARNING);
            assertThat(cert.title()).isEqualTo("The origin certificate for example.com expires in 5 days");
        }

        @Test
        void findingsComeHighestRankFirst() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.plainDns(false))
                    .edge(https(200).direct().firstByte(2500).certificateDaysLeft(3)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.NOT_ON_CLOUDFLARE);
            assertThat(findingKinds(d)).containsExactly(Kind.CERT_EXPIRING, Kind.SLOW_RESPONSE, Kind.HEALTHY);
        }
    }

    @Nested
    class RedirectLoops {

        @Test
        void httpsUrlRedirectingToItselfIsTheFlexibleLoop() {
            Diagnosis d = diagnose(given().edge(https(301).redirects(true,
                    new Redirect(301, "https://example.com/", "https://example.com/"))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.REDIRECT_LOOP);
            assertThat(d.verdict().code()).isEqualTo("301");
            assertThat(d.verdict().title()).contains("Flexible SSL");
            assertThat(d.verdict().evidence()).contains(
                    "edge https: redirect loop, 1 redirect: 301 https://example.com/ → https://example.com/");
            assertThat(commands(d)).contains("curl -sI -H 'Host: example.com' http://$ORIGIN_IP/");
        }

        @Test
        void wwwAndApexPointingAtEachOtherIsAPlainLoop() {
            Diagnosis d = diagnose(given().edge(https(302).redirects(true,
                    new Redirect(302, "https://example.com/", "https://www.example.com/"),
                    new Redirect(302, "https://www.example.com/", "https://example.com/"))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.REDIRECT_LOOP);
            assertThat(d.verdict().code()).isEqualTo("302");
            assertThat(d.verdict().title()).isEqualTo("Redirect loop on example.com (302)");
            assertThat(commands(d)).contains("curl -sIL --max-redirs 10 https://example.com/ | grep -iE '^(HTTP|location)'");
        }
    }

    @Nested
    class OtherScheme {

        @Test
        void httpLoopingWhileTheHttpsAskedForErrsIsAboutHttps() {
            Diagnosis d = diagnose(given().edge(https(502), http(301).redirects(true,
                    new Redirect(301, "http://example.com/", "http://example.com/"))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_HTTP_ERROR);
            assertThat(d.verdict().code()).isEqualTo("502");
        }

        @Test
        void httpLoopingWhileHttpsWorksIsStillALoop() {
            Diagnosis d = diagnose(given().edge(https(200), http(301).redirects(true,
                    new Redirect(301, "http://example.com/", "http://example.com/"))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.REDIRECT_LOOP);
        }
    }

    @Nested
    class Dns {

        @Test
        void nxdomainIsDnsFailureWithTheResolverInTheCommands() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.failedDns(DnsStatus.NXDOMAIN)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.DNS_FAILURE);
            assertThat(d.verdict().code()).isEqualTo("NXDOMAIN");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().title()).isEqualTo("DNS lookup of example.com failed: NXDOMAIN");
            assertThat(d.verdict().evidence()).contains(
                    "DNS: NXDOMAIN for example.com (resolver 127.0.0.53:53, 30 ms): the resolver said NXDOMAIN");
            assertThat(commands(d)).contains("dig @127.0.0.53 -p 53 example.com A", "dig +short NS example.com");
        }

        @Test
        void servfailPointsAtDnssec() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.failedDns(DnsStatus.SERVFAIL)));

            assertThat(d.verdict().code()).isEqualTo("SERVFAIL");
            assertThat(d.verdict().summary()).contains("DNSSEC");
            assertThat(commands(d)).contains("dig +short DS example.com");
        }

        @Test
        void eachDnsOutcomeIsItsOwnCode() {
            for (DnsStatus s : List.of(DnsStatus.REFUSED, DnsStatus.NODATA, DnsStatus.TIMEOUT)) {
                Diagnosis d = diagnose(given().dns(ProbeRecords.failedDns(s)));
                assertThat(d.verdict().kind()).isEqualTo(Kind.DNS_FAILURE);
                assertThat(d.verdict().code()).isEqualTo(s.name());
            }
        }
    }

    @Nested
    class NotOnCloudflare {

        @Test
        void addressesOutsideCloudflareAndNoCfRay() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.plainDns(false)).edge(https(200).direct()));

            assertThat(d.verdict().kind()).isEqualTo(Kind.NOT_ON_CLOUDFLARE);
            assertThat(d.verdict().code()).isEqualTo("200");
            assertThat(d.verdict().severity()).isEqualTo(Severity.INFO);
            assertThat(d.verdict().evidence()).contains("edge https: 200 from nginx (no cf-ray), first byte after 120 ms");
            assertThat(findingKinds(d)).containsExactly(Kind.HEALTHY);
        }

        @Test
        void serverErrorOffCloudflareIsTheServersOwnAndDoesNotBlameCloudflare() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.plainDns(false)).edge(https(503).direct()));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_HTTP_ERROR);
            assertThat(d.verdict().code()).isEqualTo("503");
            assertThat(d.verdict().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.verdict().title()).isEqualTo("The server of example.com answers 503 (not through Cloudflare)");
            assertThat(d.verdict().summary()).contains("93.184.216.34").doesNotContain("passed");
            assertThat(findingKinds(d)).containsExactly(Kind.NOT_ON_CLOUDFLARE);
            assertThat(d.findings().get(0).code()).isEqualTo("503");
        }

        @Test
        void greyCloudRecordOnCloudflareNameservers() {
            Diagnosis d = diagnose(given().dns(ProbeRecords.plainDns(true)).edge(https(200).direct()));

            assertThat(d.verdict().title()).isEqualTo("example.com is on Cloudflare's DNS but not proxied (DNS only)");
        }
    }

    @Nested
    class CloudflareMadeIt {

        @Test
        void firewallRule1020IsBlockedWithTheRayIdInTheSteps() {
            Diagnosis d = diagnose(given().edge(https(403).page(CloudflarePage.Type.BLOCKED, "1020")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
            assertThat(d.verdict().code()).isEqualTo("1020");
            assertThat(d.verdict().severity()).isEqualTo(Severity.WARNING);
            assertThat(d.verdict().title()).isEqualTo("Cloudflare blocked the request: Access denied: blocked by a firewall rule (1020)");
            assertThat(d.verdict().nextSteps()).anyMatch(s -> s.text().contains("Ray ID a23c92d51bc8a952"));
        }

        @Test
        void rateLimit1015IsBlocked() {
            Diagnosis d = diagnose(given().edge(https(429).page(CloudflarePage.Type.BLOCKED, "1015")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
            assertThat(d.verdict().code()).isEqualTo("1015");
            assertThat(d.verdict().title()).contains("rate limited");
        }

        @Test
        void blockPageWithoutANumberIsStillABlock() {
            Diagnosis d = diagnose(given().edge(https(403).page(CloudflarePage.Type.BLOCKED, null)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.BLOCKED_BY_CLOUDFLARE);
            assertThat(d.verdict().code()).isEqualTo("403");
            assertThat(d.verdict().title()).isEqualTo("Cloudflare blocked the request: Blocked by a security rule (403)");
        }

        @Test
        void managedChallengeIsChallengeWithItsStatus() {
            Diagnosis d = diagnose(given().edge(https(403).page(CloudflarePage.Type.CHALLENGE, null).mitigated("challenge")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CHALLENGE);
            assertThat(d.verdict().code()).isEqualTo("403");
            assertThat(d.verdict().severity()).isEqualTo(Severity.INFO);
            assertThat(findingKinds(d)).doesNotContain(Kind.ORIGIN_HTTP_ERROR);
        }

        @Test
        void legacyUnderAttackChallengeUses503() {
            Diagnosis d = diagnose(given().edge(https(503).page(CloudflarePage.Type.CHALLENGE, null)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CHALLENGE);
            assertThat(d.verdict().code()).isEqualTo("503");
        }

        @Test
        void originDnsError1016On530() {
            Diagnosis d = diagnose(given().edge(https(530).page(CloudflarePage.Type.ERROR, "1016")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_DNS_ERROR);
            assertThat(d.verdict().code()).isEqualTo("1016");
            assertThat(d.verdict().title()).isEqualTo("Cloudflare cannot find the origin for example.com: Origin DNS error (1016)");
        }

        @Test
        void tunnelDown1033IsOriginDnsErrorWithCloudflaredSteps() {
            Diagnosis d = diagnose(given().edge(https(530).page(CloudflarePage.Type.ERROR, "1033")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.ORIGIN_DNS_ERROR);
            assertThat(commands(d)).anyMatch(c -> c.contains("cloudflared tunnel list"));
        }

        @Test
        void workerException1101IsCloudflareError() {
            Diagnosis d = diagnose(given().edge(https(500).page(CloudflarePage.Type.ERROR, "1101")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CLOUDFLARE_ERROR);
            assertThat(d.verdict().code()).isEqualTo("1101");
            assertThat(d.verdict().title()).isEqualTo("Cloudflare error 1101 on example.com: Worker threw exception");
            assertThat(commands(d).get(0)).isEqualTo("npx wrangler tail");
        }

        @Test
        void railgun527IsCloudflareErrorEvenWithoutAPage() {
            Diagnosis d = diagnose(given().edge(https(527)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CLOUDFLARE_ERROR);
            assertThat(d.verdict().code()).isEqualTo("527");
        }

        @Test
        void codeWithoutAnEntryIsStillWordedSafely() {
            Diagnosis d = diagnose(given().edge(https(500).page(CloudflarePage.Type.ERROR, "1999")));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CLOUDFLARE_ERROR);
            assertThat(d.verdict().title()).isEqualTo("Cloudflare error 1999 on example.com: error 1999");
            assertThat(d.verdict().summary()).contains("cfcheck has no notes on this code");
        }
    }

    @Nested
    class Warnings {

        @Test
        void slowFirstByteIsSlowResponseWithTheStatusAsCode() {
            Diagnosis d = diagnose(given().edge(https(200).firstByte(2400))
                    .origin(origin(new dev.cfcheck.probes.origin.OriginHttp("https://203.0.113.10/", 200, "nginx", 2300L, null),
                            port(443, TcpState.CONNECTED))));

            assertThat(d.verdict().kind()).isEqualTo(Kind.SLOW_RESPONSE);
            assertThat(d.verdict().code()).isEqualTo("200");
            assertThat(d.verdict().severity()).isEqualTo(Severity.WARNING);
            assertThat(d.verdict().title()).isEqualTo("example.com is slow: first byte after 2.4 s");
            assertThat(d.verdict().summary()).contains("above the 1.8 s threshold");
            assertThat(d.verdict().evidence())
                    .contains("edge https: first byte after 2400 ms, over the 1800 ms threshold")
                    .contains("origin 203.0.113.10 directly: first byte after 2300 ms");
            assertThat(findingKinds(d)).containsExactly(Kind.HEALTHY);
        }

        @Test
        void edgeCertificateExpiringSoonIsCertExpiring() {
            Diagnosis d = diagnose(given().edge(https(200).certificateDaysLeft(5)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.CERT_EXPIRING);
            assertThat(d.verdict().code()).isEqualTo("200");
            assertThat(d.verdict().title()).isEqualTo("The Cloudflare edge certificate for example.com expires in 5 days");
            assertThat(d.verdict().summary()).contains("threshold is 14 days");
            assertThat(commands(d)).contains("openssl s_client -connect example.com:443 -servername example.com </dev/null 2>/dev/null "
                    + "| openssl x509 -noout -dates -subject -issuer");
        }

        @Test
        void certificateWellInDateIsNoFinding() {
            Diagnosis d = diagnose(given().edge(https(200).certificateDaysLeft(60))
                    .origin(origin(originAnswer(200), port(443, TcpState.CONNECTED))).tls(tls(80)));

            assertThat(d.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(d.findings()).isEmpty();
        }
    }

    @Nested
    class WhatTheOwnerSaid {

        @Test
        void notesFromTheConfigAppearInTheEvidenceOnOneLine() {
            Diagnosis d = diagnose(given().edge(https(200)).settings(null, "origin is the k8s ingress,\nask #platform"));

            assertThat(d.verdict().evidence()).contains("note: origin is the k8s ingress, ask #platform");
        }
    }

    @Nested
    class HostileValues {

        @Test
        void pathFromTheUserIsQuotedInEveryCommand() {
            Diagnosis d = diagnose(given().target(ProbeRecords.target("/a'$(touch x)`id`"))
                    .edge(https(522).page(CloudflarePage.Type.ERROR, "522"))
                    .origin(origin(null, port(443, TcpState.TIMEOUT))));

            assertThat(commands(d)).contains(
                    "curl -sv --resolve example.com:443:203.0.113.10 'https://example.com/a'\\''$(touch x)`id`'");
        }

        @Test
        void ipv6OriginGetsBracketsInUrlsOnly() {
            Diagnosis d = diagnose(given().edge(https(521).page(CloudflarePage.Type.ERROR, "521"))
                    .origin(origin("2001:db8::10", null, port(443, TcpState.REFUSED))));

            assertThat(commands(d))
                    .contains("curl -sv -o /dev/null -H 'Host: example.com' http://'[2001:db8::10]'/")
                    .contains("curl -sv --resolve example.com:443:'[2001:db8::10]' https://example.com/");
            assertThat(d.verdict().evidence()).contains("origin [2001:db8::10]:443: connection refused in 12 ms");
        }

        @Test
        void controlCharactersFromTheNetworkNeverReachTheEvidence() {
            Diagnosis d = diagnose(given().edge(https(502).server("nginx\r\nX-Injected: 1\u001b[31m")));

            assertThat(d.verdict().evidence()).anyMatch(l -> l.contains("from nginx X-Injected: 1[31m"));
        }
    }
}
