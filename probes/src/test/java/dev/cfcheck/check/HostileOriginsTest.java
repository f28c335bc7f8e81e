package dev.cfcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.edge.HttpExchange;
import dev.cfcheck.probes.origin.OriginHttp;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.tls.TlsFailure;
import dev.cfcheck.testing.HostileCase;
import dev.cfcheck.testing.HostileReply;
import dev.cfcheck.testing.HostileSite;
import dev.cfcheck.testing.HostileSite.Position;
import dev.cfcheck.testing.ReportStrings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hostile-origins suite (issue 8): every {@link HostileCase} through the real {@link Checker} on loopback, at
 * the edge and, where it applies, at the origin ({@link HostileSite}). Each check returns (the deadline bounds the
 * ones that stall; no time is asserted), with the verdict a reply like that deserves (never HEALTHY for a broken
 * one), a report whose strings are bounded and hold nothing a reader cannot see, and, for a case that ends on its
 * own, nothing cut by the deadline. The verdicts are explained in {@code docs/hostile-origins.md}.
 */
class HostileOriginsTest {

    @TempDir
    static Path dir;

    private static HostileSite site;

    @BeforeAll
    static void startSite() throws Exception {
        site = HostileSite.start(dir, HostileSite.Limits.SUITE);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    /** What the site's answer deserves: the verdict, and its code where it says something. */
    private record Expected(Kind kind, String code) {
    }

    @ParameterizedTest
    @EnumSource(HostileCase.class)
    void atTheEdge(HostileCase hostile) {
        CheckReport report = site.check(Position.EDGE, hostile);

        Expected expected = deservedAtTheEdge(hostile);
        assertThat(report.verdict().kind()).as(hostile + "'s verdict").isEqualTo(expected.kind());
        if (expected.code() != null) {
            assertThat(report.verdict().code()).isEqualTo(expected.code());
        }
        assertSane(hostile, report);
        HttpExchange https = report.probes().get(EdgeProbe.KEY).https();
        switch (hostile) {
            case GIANT_BODY, CLOSE_DELIMITED_BODY, LONG_HEADER_LINE, MANY_HEADERS, GZIP_BOMB ->
                    assertThat(https.complete()).isTrue();
            case CONTROL_BYTES_IN_HEADERS_AND_TITLE -> {
                assertThat(https.server()).startsWith("cloudflare").doesNotContain("\u001b").doesNotContain("\r");
                assertThat(https.page().title()).contains("522").contains("evil").doesNotContain("\u202e");
            }
            case MENTIONS -> {
                // Kept as sent (the report is data); the renderers make it inert (HostileReportsRenderTest in the bot).
                assertThat(https.server()).contains("<!channel>").contains("@everyone");
                assertThat(https.page().title()).contains("<!channel>").contains("<@U123>");
            }
            // OkHttp reads 256 KiB of headers and reports the rest as the end of the stream: the wording says "closed".
            case ENDLESS_HEADERS -> assertThat(https.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            case ENDLESS_REDIRECTS -> assertThat(https.redirects()).hasSizeGreaterThan(1);
            case REDIRECT_TO_METADATA, REDIRECT_TO_PRIVATE_NAME -> {
                assertThat(https.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
                assertThat(https.failure().message()).contains(hostile == HostileCase.REDIRECT_TO_METADATA
                        ? "169.254.169.254" : HostileReply.PRIVATE_ADDRESS);
            }
            default -> { }
        }
    }

    @ParameterizedTest
    @EnumSource(HostileCase.class)
    void atTheOrigin(HostileCase hostile) {
        if (!hostile.appliesAtOrigin()) {
            return; // the origin probe follows no redirect
        }
        CheckReport report = site.check(Position.ORIGIN, hostile);

        // Behind an edge whose reply breaks off, 520 is inferred only when the origin's own reply is broken.
        boolean originBroken = hostile == HostileCase.SHORT_BODY || hostile == HostileCase.CONTROL_BYTES_IN_STATUS_LINE
                || hostile == HostileCase.ENDLESS_HEADERS;
        assertThat(report.verdict().kind()).as(hostile + "'s verdict")
                .isEqualTo(originBroken ? Kind.ORIGIN_UNKNOWN_RESPONSE : Kind.EDGE_BROKEN_REPLY);
        assertThat(report.verdict().inferred()).isEqualTo(originBroken);
        assertSane(hostile, report);
        OriginHttp origin = report.probes().get(OriginsProbe.KEY).get(0).http();
        switch (hostile) {
            case GIANT_BODY, CLOSE_DELIMITED_BODY, LONG_HEADER_LINE, MANY_HEADERS, GZIP_BOMB ->
                    assertThat(origin.complete()).isTrue();
            case TRICKLING_HEADERS -> assertThat(origin.failure().kind()).isEqualTo(Failure.Kind.TIMEOUT);
            case CONTROL_BYTES_IN_STATUS_LINE -> assertThat(origin.failure().kind()).isEqualTo(Failure.Kind.PROTOCOL);
            case CONTROL_BYTES_IN_HEADERS_AND_TITLE -> assertThat(origin.server()).startsWith("cloudflare").doesNotContain("\u202e");
            case MENTIONS -> assertThat(origin.server()).contains("<!channel>");
            case SHORT_BODY -> assertThat(origin.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            case ENDLESS_HEADERS -> assertThat(origin.failure().kind()).isEqualTo(Failure.Kind.BROKEN_REPLY);
            case STALLED_HANDSHAKE -> assertThat(report.probes().get(OriginTlsProbe.KEY).get(0).failure()).isEqualTo(TlsFailure.TIMEOUT);
            default -> { }
        }
    }

    private static Expected deservedAtTheEdge(HostileCase hostile) {
        return switch (hostile) {
            // Whole answers, however big, slow to end or compressed: the site works.
            case GIANT_BODY, CLOSE_DELIMITED_BODY, LONG_HEADER_LINE, MANY_HEADERS, GZIP_BOMB -> new Expected(Kind.HEALTHY, "200");
            // Headers that never end: no answer by the deadline (a preliminary report; the follow-up waits on).
            case TRICKLING_HEADERS -> new Expected(Kind.EDGE_SILENT, "DEADLINE");
            case CONTROL_BYTES_IN_STATUS_LINE -> new Expected(Kind.EDGE_BROKEN_REPLY, "PROTOCOL");
            case SHORT_BODY, ENDLESS_HEADERS -> new Expected(Kind.EDGE_BROKEN_REPLY, "BROKEN_REPLY");
            // Cloudflare's own pages, read through the noise.
            case CONTROL_BYTES_IN_HEADERS_AND_TITLE -> new Expected(Kind.ORIGIN_TIMEOUT, "522");
            case MENTIONS -> new Expected(Kind.ORIGIN_UNKNOWN_RESPONSE, "520");
            case STALLED_HANDSHAKE -> new Expected(Kind.EDGE_UNREACHABLE, "TLS_TIMEOUT");
            case ENDLESS_REDIRECTS -> new Expected(Kind.REDIRECT_LOOP, null);
            // cfcheck will not follow: it cannot say whether the site works.
            case REDIRECT_TO_METADATA, REDIRECT_TO_PRIVATE_NAME -> new Expected(Kind.INCONCLUSIVE, "UNSAFE_ADDRESS");
        };
    }

    /** What holds for every case wherever it stands. */
    private static void assertSane(HostileCase hostile, CheckReport report) {
        if (report.verdict().kind() != Kind.HEALTHY) {
            assertThat(report.verdict().severity()).isNotIn(Severity.OK, Severity.INFO);
        }
        ReportStrings.assertBoundedAndVisible(report);
        if (!hostile.stalls()) {
            // It ended on its own: nothing waited for the deadline or a follow-up.
            assertThat(report.isFinal()).isTrue();
            assertThat(ReportJson.writeLine(report)).doesNotContain("\"DEADLINE\"");
        }
    }
}
