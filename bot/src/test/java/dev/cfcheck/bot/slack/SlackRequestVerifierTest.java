package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.slack.SlackRequestVerifier.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signature, the window's edges in both directions and replays, on a clock the test moves. */
class SlackRequestVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "command=%2Fcfcheck&text=example.com";

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T12:00:00Z"));
    private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, clock, 1000);

    private Optional<Refusal> check(long timestamp, String body) throws Exception {
        return verifier.check(Long.toString(timestamp), SignedRequests.signature(SECRET, timestamp, body), body.getBytes(StandardCharsets.UTF_8));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void theWindowIsFiveMinutesEitherWay() throws Exception {
        assertThat(check(now(), BODY)).isEmpty();
        assertThat(check(now() + 300, BODY)).isEmpty();
        assertThat(check(now() - 300, BODY)).isEmpty();
        assertThat(check(now() + 301, BODY)).contains(Refusal.STALE);
        assertThat(check(now() - 301, BODY)).contains(Refusal.STALE);
        assertThat(check(now() + 360, BODY)).contains(Refusal.STALE);
    }

    @Test
    void missingOrMalformedHeadersAreRefusedBeforeAnyHashing() throws Exception {
        String ts = Long.toString(now());
        String good = SignedRequests.signature(SECRET, now(), BODY);

        assertThat(verifier.checkHeaders(null, good)).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders(ts, null)).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders("-1", good)).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders("1e9", good)).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders("9".repeat(40), good)).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders(ts, "v1=" + good.substring(3))).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders(ts, good + "00")).contains(Refusal.MISSING);
        assertThat(verifier.checkHeaders(ts, good)).isEmpty();
    }

    @Test
    void aSignatureOverOtherBytesOrWithAnotherSecretIsAMismatch() throws Exception {
        long ts = now();
        String signature = SignedRequests.signature(SECRET, ts, BODY);

        assertThat(verifier.check(Long.toString(ts), signature, (BODY + "x").getBytes(StandardCharsets.UTF_8))).contains(Refusal.MISMATCH);
        assertThat(verifier.check(Long.toString(ts + 1), signature, BODY.getBytes(StandardCharsets.UTF_8))).contains(Refusal.MISMATCH);
        assertThat(verifier.check(Long.toString(ts), SignedRequests.signature("other", ts, BODY), BODY.getBytes(StandardCharsets.UTF_8)))
                .contains(Refusal.MISMATCH);
        // A mismatch is not remembered, so the genuine request still passes afterwards.
        assertThat(verifier.check(Long.toString(ts), signature, BODY.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aReplayIsRefusedForAsLongAsItsTimestampIsInsideTheWindow() throws Exception {
        // From four minutes ahead: valid until nine minutes from now, longer than the window itself.
        long ahead = now() + 240;
        assertThat(check(ahead, BODY)).isEmpty();
        assertThat(check(ahead, BODY)).contains(Refusal.REPLAYED);

        clock.advance(Duration.ofMinutes(8));
        assertThat(check(ahead, BODY)).contains(Refusal.REPLAYED);

        clock.advance(Duration.ofMinutes(2));
        assertThat(check(ahead, BODY)).contains(Refusal.STALE);
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void memoryIsBoundedByTheMaximumRemembered() throws Exception {
        SlackRequestVerifier small = new SlackRequestVerifier(SECRET, clock, 10);
        for (int i = 0; i < 100; i++) {
            String body = BODY + i;
            assertThat(small.check(Long.toString(now()), SignedRequests.signature(SECRET, now(), body), body.getBytes(StandardCharsets.UTF_8))).isEmpty();
        }

        assertThat(small.remembered()).isLessThanOrEqualTo(10);
    }

    /** A clock that stands still until the test moves it (the replay memory's expiry reads it too). */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
