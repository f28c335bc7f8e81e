package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.diagnosis.Thresholds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission bounds distinct probe runs, not requests: real signed commands through the real HTTP endpoint, the
 * router and the checker with its live probes, against loopback sites. The rate limits are the defaults.
 */
class SlackStormTest {

    @TempDir
    Path dir;

    /** Room for {@code running} probe runs at once and {@code waiting} more in the queue. */
    private static CheckerSettings room(int running, int waiting) {
        return new CheckerSettings(Duration.ofSeconds(60), 100, running, Thresholds.DEFAULTS, Duration.ZERO, waiting);
    }

    @Test
    void twoHundredCommandsForFiveSitesAtOnceAreAllTakenAndShareFiveProbeRuns() throws Exception {
        // Room for 8 distinct runs: far fewer than the commands, more than the sites.
        try (SlackStorm storm = SlackStorm.start(dir, 5, room(4, 4), RateLimits.DEFAULTS)) {
            // 200 users in 20 channels: 1 command per user and 10 per channel, inside the default limits.
            List<String> commands = IntStream.range(0, 200).mapToObj(i -> storm.command("c", i, "", 200, 20)).toList();

            SlackStorm.Outcome outcome = storm.fire(commands);

            assertThat(outcome.ok()).as("%s", outcome).isEqualTo(200);
            assertThat(outcome.busy()).as("%s", outcome).isZero();
            assertThat(outcome.taken()).as("%s", outcome).isEqualTo(200);
            assertThat(outcome.cards()).as("%s", outcome).isEqualTo(200);
            assertThat(outcome.posts()).as("%s", outcome).isEqualTo(200);
            assertThat(outcome.probeRuns()).as("%s", outcome).isEqualTo(5);
        }
    }

    @Test
    void distinctSitesPastTheRoomForProbeRunsGetTheOneLineBusyReplyWhileChecksJoiningARunAreTaken() throws Exception {
        // Room for 2 distinct runs (1 at once, 1 waiting); the edges hold every request so both stay in flight.
        try (SlackStorm storm = SlackStorm.start(dir, 4, room(1, 1), RateLimits.DEFAULTS)) {
            storm.holdEdges();
            String site1 = storm.send(storm.command("c", 0, "", 100, 10));
            String site2 = storm.send(storm.command("c", 1, "", 100, 10));
            String site3 = storm.send(storm.command("c", 2, "", 100, 10));
            String site4 = storm.send(storm.command("c", 3, "", 100, 10));
            String site1Again = storm.send(storm.command("c", 4, "", 100, 10));
            String site2Again = storm.send(storm.command("c", 5, "", 100, 10));
            storm.releaseEdges();

            assertThat(List.of(site1, site2, site1Again, site2Again)).allSatisfy(ack -> assertThat(ack).startsWith("checking site"));
            // The deadline (10 s) plus the checker's grace: by then a run in flight has ended.
            assertThat(site3).isEqualTo("cfcheck is busy with other checks. Try again in 11 s.");
            assertThat(site4).isEqualTo(site3);
            List<JsonObject> posts = storm.awaitPosts(4);
            assertThat(posts).hasSize(4).allMatch(SlackStorm::isCard);
            assertThat(storm.probeRuns()).isEqualTo(2);
        }
    }
}
