package dev.cfcheck.probes.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.check.LiveProbes;
import dev.cfcheck.diagnosis.Finding;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.KnowledgeBase;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.diagnosis.engine.Diagnoser;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.tls.TrustMaterial;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.testing.LoopbackSite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloudflare's status page on a loopback stand-in answering Statuspage's {@code summary.json} shape, read beside
 * a real check of a loopback site (its edge answers from colo DTW, see {@link LoopbackSite#CF_RAY}).
 */
class CloudflareStatusTest {

    /** Statuspage's summary, cut down to what matters and with the shapes Cloudflare's page uses. */
    static final String SUMMARY = """
            {"page":{"id":"yh6f0r4529hb","name":"Cloudflare","url":"https://www.cloudflarestatus.com",
                     "time_zone":"Etc/UTC","updated_at":"2026-12-07T22:40:12.345Z"},
             "components":[
              {"id":"a1","name":"North America","status":"degraded_performance","group":true,"group_id":null},
              {"id":"b2","name":"Detroit, MI, United States - (DTW)","status":"partial_outage","group":false,
               "group_id":"a1","only_show_if_degraded":false},
              {"id":"c3","name":"London, United Kingdom - (LHR)","status":"operational","group":false,"group_id":"e5"},
              {"id":"d4","name":"Cloudflare Sites and Services","status":"operational","group":false}],
             "incidents":[
              {"id":"i1","name":"Elevated 5xx errors in Detroit","status":"identified","impact":"major",
               "shortlink":"https://stspg.io/abc123","created_at":"2026-12-07T22:01:00.000Z",
               "incident_updates":[{"status":"identified","body":"We are working on a fix."}]}],
             "scheduled_maintenances":[],
             "status":{"indicator":"major","description":"Partial System Outage"}}
            """;

    static final String ALL_OPERATIONAL = """
            {"page":{"id":"yh6f0r4529hb","name":"Cloudflare"},
             "components":[{"id":"b2","name":"Detroit, MI, United States - (DTW)","status":"operational","group":false}],
             "incidents":[],"scheduled_maintenances":[],
             "status":{"indicator":"none","description":"All Systems Operational"}}
            """;

    @TempDir
    Path dir;

    private LoopbackSite site;
    private final MockWebServer statusPage = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        site = LoopbackSite.start(dir);
        statusPage.start();
    }

    @AfterEach
    void stop() throws Exception {
        statusPage.close();
        site.close();
    }

    @Test
    void theSummaryKeepsUnresolvedIncidentsAndTheComponentsNotOperationalWithTheirColo() throws Exception {
        StatusSummary s = StatusSummary.parse(SUMMARY);

        assertThat(s.description()).isEqualTo("Partial System Outage");
        assertThat(s.incidents()).singleElement().satisfies(i -> {
            assertThat(i.words()).isEqualTo("Elevated 5xx errors in Detroit (major, identified) https://stspg.io/abc123");
        });
        // The group ("North America") is not a data centre and is left out; LHR is operational.
        assertThat(s.degraded()).extracting(StatusSummary.Component::colo).containsExactly("DTW");
        assertThat(s.degradedAt("dtw")).singleElement()
                .satisfies(c -> assertThat(c.statusWords()).isEqualTo("partial outage"));
        assertThat(s.degradedAt("LHR")).isEmpty();
    }

    @Test
    void textFromThePageIsOneLineWithoutBidiOrControlCharacters() throws Exception {
        StatusSummary s = StatusSummary.parse("""
                {"components":[],"status":{"indicator":"minor","description":"x"},
                 "incidents":[{"name":"Errors\\u202e in\\n<!channel> DTW\\u200b","status":"investigating","impact":"minor"}]}
                """);

        assertThat(s.incidents().get(0).name()).isEqualTo("Errors in <!channel> DTW");
    }

    @Test
    void aFailingCheckSaysCloudflareReportsAnIncidentAtTheServingColo() {
        statusPage.enqueue(summary(SUMMARY));
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));

        try (Checker checker = checker()) {
            CheckReport report = checker.checkAndWait(site.request(List.of()));

            assertThat(report.verdict().code()).isEqualTo("522");
            assertThat(report.findings()).extracting(Finding::kind).contains(Kind.CLOUDFLARE_INCIDENT);
            Finding status = report.findings().stream().filter(f -> f.kind() == Kind.CLOUDFLARE_INCIDENT)
                    .findFirst().orElseThrow();
            assertThat(status.title()).contains("1 unresolved incident (Elevated 5xx errors in Detroit)")
                    .contains("Detroit, MI, United States - (DTW) in partial outage");
            assertThat(report.probes().get(StatusPageProbe.KEY).summary().incidents()).hasSize(1);
        }
    }

    @Test
    void aWorkingSiteGetsNoNewsAboutCloudflare() {
        statusPage.enqueue(summary(SUMMARY));
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<html>shop</html>").build());

        try (Checker checker = checker()) {
            CheckReport report = checker.checkAndWait(site.request(List.of()));

            assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(report.findings()).extracting(Finding::kind).doesNotContain(Kind.CLOUDFLARE_INCIDENT);
        }
    }

    @Test
    void aFailingCheckWithCloudflareAllOperationalHasNoStatusFinding() {
        statusPage.enqueue(summary(ALL_OPERATIONAL));
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));

        try (Checker checker = checker()) {
            CheckReport report = checker.checkAndWait(site.request(List.of()));

            assertThat(report.verdict().code()).isEqualTo("522");
            assertThat(report.findings()).extracting(Finding::kind).doesNotContain(Kind.CLOUDFLARE_INCIDENT);
            assertThat(report.probes().get(StatusPageProbe.KEY).summary().troubled()).isFalse();
        }
    }

    @Test
    void aStatusPageSlowerThanTheDeadlineNeverHoldsTheCard() {
        // Headers after 60 s: far past the check's 2 s deadline; the check still ends with its own verdict.
        statusPage.enqueue(new MockResponse.Builder().headersDelay(60, java.util.concurrent.TimeUnit.SECONDS)
                .body(SUMMARY).build());
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));

        try (Checker checker = checker()) {
            CheckReport report = checker.checkAndWait(site.request(site.url(), List.of(), Duration.ofSeconds(2),
                    dev.cfcheck.diagnosis.DomainSettings.NONE));

            assertThat(report.verdict().code()).isEqualTo("522");
            StatusResult status = report.probes().get(StatusPageProbe.KEY);
            assertThat(status.summary()).isNull();
            assertThat(status.failure().kind()).isIn(Failure.Kind.DEADLINE, Failure.Kind.OTHER);
            assertThat(report.findings()).extracting(Finding::kind).doesNotContain(Kind.CLOUDFLARE_INCIDENT);
        }
    }

    @Test
    void aBrokenStatusPageIsANoteInDetailsNeverAFailureOfTheSite() {
        statusPage.enqueue(new MockResponse.Builder().code(503).body("<html>maintenance</html>").build());
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<html>shop</html>").build());

        try (Checker checker = checker()) {
            CheckReport report = checker.checkAndWait(site.request(List.of()));

            assertThat(report.verdict().kind()).isEqualTo(Kind.HEALTHY);
            assertThat(report.probes().get(StatusPageProbe.KEY).failure().message())
                    .isEqualTo("the status page answered 503");
        }
    }

    @Test
    void checksWithinAMinuteShareOneFetchOfTheStatusPage() throws Exception {
        statusPage.enqueue(summary(SUMMARY));
        StatusPageClient client = new StatusPageClient(statusPage.url("/"));

        StatusResult first = client.summary().get();
        StatusResult second = client.summary().get();

        assertThat(first.summary()).isNotNull();
        assertThat(second).isSameAs(first);
        assertThat(statusPage.getRequestCount()).isEqualTo(1);
        assertThat(statusPage.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/summary.json");
    }

    private static MockResponse summary(String json) {
        return new MockResponse.Builder().code(200).headers(Headers.of("content-type", "application/json"))
                .body(json).build();
    }

    /** The loopback site's checker, with the status page probe pointed at the stand-in. */
    private Checker checker() {
        TrustMaterial trust = TrustMaterial.withExtraCas(site.caFile());
        CloudflareRanges ranges = CloudflareRanges.of(List.of(Cidr.parse("127.0.0.0/8")));
        return new Checker(
                LiveProbes.create(site.dns().address(), ranges, trust, SafeAddressPolicy.forChecks(false),
                        LiveProbes.Options.DEFAULTS.withStatusPage(new StatusPageClient(statusPage.url("/")))),
                SafeAddressPolicy.forChecks(false), new Diagnoser(KnowledgeBase.load()),
                new CheckerSettings(Duration.ofSeconds(60), 100, 16, Thresholds.DEFAULTS), Clock.systemUTC());
    }
}
