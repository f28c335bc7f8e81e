package dev.cfcheck.bot.router;

import dev.cfcheck.check.CheckReport;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per check, key=value, on the logger {@code dev.cfcheck.checks}: enough to find the check a chat
 * reply's reference id names, without storing who asked (the user id is hashed with a per-process key).
 */
final class CheckLog {

    static final String LOGGER_NAME = "dev.cfcheck.checks";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    /** Never written anywhere: it lives and dies with the process. */
    private static final SecretKeySpec USER_KEY = newUserKey();

    private CheckLog() {
    }

    static void checked(CommandContext ctx, String host, CheckReport report, long elapsedMs, String referenceId) {
        LOG.info("{} kind={} code={} elapsedMs={} cached={} ref={}", prefix(ctx, host),
                report.verdict().kind(), value(report.verdict().code()), elapsedMs, report.cached(), referenceId);
    }

    /** The final verdict of a check whose card was preliminary (Cloudflare answered, or the follow-up ended). */
    static void followedUp(CommandContext ctx, String host, CheckReport report, String referenceId) {
        LOG.info("{} kind={} code={} final=true ref={}", prefix(ctx, host),
                report.verdict().kind(), value(report.verdict().code()), referenceId);
    }

    static void failed(CommandContext ctx, String host, Throwable error, long elapsedMs, String referenceId) {
        LOG.warn("{} kind=- code=- elapsedMs={} cached=false ref={} error={}", prefix(ctx, host), elapsedMs, referenceId,
                error.getClass().getSimpleName());
    }

    private static String prefix(CommandContext ctx, String host) {
        return "check platform=" + ctx.platform().id()
                + " workspace=" + value(ctx.workspaceId())
                + " channel=" + value(ctx.channelId())
                + " user=" + hashedUser(ctx.userId())
                + " target=" + value(host);
    }

    /**
     * The first 16 hex digits of HMAC-SHA256(user id) under a key made when the process starts: the same user
     * links up across the lines of one run, and the id is not kept. A plain hash would not do: chat user ids
     * are short and guessable, so anyone with the log could hash candidate ids until one matches.
     */
    static String hashedUser(String userId) {
        if (userId == null) {
            return "-";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(USER_KEY);
            byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static SecretKeySpec newUserKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /** A value that cannot forge another key or line: no spaces, no control characters, bounded. */
    static String value(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(100).forEach(cp -> b.appendCodePoint(cp <= ' ' || cp == 0x7f || cp == '=' || Character.isISOControl(cp) ? '_' : cp));
        return b.toString();
    }
}
