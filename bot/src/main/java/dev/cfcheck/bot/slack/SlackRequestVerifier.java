package dev.cfcheck.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, checked on the raw bytes before anything reads them: {@code X-Slack-Signature}
 * must be {@code v0=} HMAC-SHA256(signing secret, {@code "v0:" + X-Slack-Request-Timestamp + ":" + body}),
 * the timestamp within five minutes of now in either direction, and the pair never seen before.
 */
final class SlackRequestVerifier {

    /** Slack's own window; a timestamp further in the future is refused as firmly as an old one. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a request is refused; the text is fixed (never the request's own). */
    enum Refusal {
        MISSING("missing or malformed signature headers"),
        STALE("timestamp outside the five-minute window"),
        MISMATCH("signature does not match"),
        REPLAYED("request already received");

        final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final ReplayGuard replays;

    SlackRequestVerifier(String signingSecret, Clock clock, int maxRemembered) {
        this.key = new SecretKeySpec(Objects.requireNonNull(signingSecret).getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
        this.replays = new ReplayGuard(clock, WINDOW, maxRemembered);
    }

    /** The header check alone, so a request that cannot pass is refused before its body is read. */
    Optional<Refusal> checkHeaders(String timestamp, String signature) {
        if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp).matches()
                || !SIGNATURE.matcher(signature).matches()) {
            return Optional.of(Refusal.MISSING);
        }
        long age = clock.millis() / 1000 - Long.parseLong(timestamp);
        return Math.abs(age) > WINDOW.toSeconds() ? Optional.of(Refusal.STALE) : Optional.empty();
    }

    /** Headers, then the signature over the exact bytes received, then that it is the first time. */
    Optional<Refusal> check(String timestamp, String signature, byte[] body) {
        Optional<Refusal> headers = checkHeaders(timestamp, signature);
        if (headers.isPresent()) {
            return headers;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Refusal.MISMATCH);
        }
        return replays.firstTime(signature, Long.parseLong(timestamp)) ? Optional.empty() : Optional.of(Refusal.REPLAYED);
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** How many verified requests are remembered for replay checks (tests). */
    long remembered() {
        return replays.size();
    }
}
