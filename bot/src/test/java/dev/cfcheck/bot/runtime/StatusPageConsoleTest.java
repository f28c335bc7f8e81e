package dev.cfcheck.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.testing.LoopbackSite;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfcheck bot} with CLOUDFLARE_STATUS_URL pointed at a loopback Statuspage stand-in: the real wiring reads
 * it, and a failing check's card says what Cloudflare reports ("them or us"); a working site's card does not.
 */
class StatusPageConsoleTest {

    /** Statuspage's summary.json shape, an incident open and the serving data centre (DTW) degraded. */
    private static final String SUMMARY = """
            {"page":{"id":"yh6f0r4529hb","name":"Cloudflare"},
             "components":[{"id":"b2","name":"Detroit, MI, United States - (DTW)","status":"major_outage","group":false}],
             "incidents":[{"id":"i1","name":"Elevated errors <!channel> in Detroit","status":"investigating",
                           "impact":"major","shortlink":"https://stspg.io/abc123"}],
             "scheduled_maintenances":[],"status":{"indicator":"major","description":"Partial System Outage"}}
            """;

    @TempDir
    Path dir;

    private LoopbackSite site;
    private final MockWebServer statusPage = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        site = LoopbackSite.start(dir);
        statusPage.start();
        statusPage.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json")
                .body(SUMMARY).build());
    }

    @AfterEach
    void stop() {
        statusPage.close();
        site.close();
    }

    private String card() throws Exception {
        ConsoleBotRun.Output run = ConsoleBotRun.checkSite(dir, site,
                Map.of("CLOUDFLARE_STATUS_URL", statusPage.url("/").toString()));

        assertThat(run.status()).as("stderr: %s", run.err()).isZero();
        return run.out();
    }

    @Test
    void aFailingCheckSaysWhatCloudflareReportsAtTheServingDataCentre() throws Exception {
        site.edge().enqueue(LoopbackSite.page(522, "pages/522-supabase-nhl-cronlog.html"));

        String card = card();

        assertThat(card).contains("Cloudflare reports 1 unresolved incident (Elevated errors")
                .contains("Detroit, MI, United States - (DTW) in major outage");
        assertThat(statusPage.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/summary.json");
    }

    @Test
    void aWorkingSiteCardCarriesNoNewsAboutCloudflare() throws Exception {
        site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                .setHeader("cf-ray", LoopbackSite.CF_RAY).body("ok").build());

        String card = card();

        assertThat(card).doesNotContain("Cloudflare reports").doesNotContain("Elevated errors");
    }
}
