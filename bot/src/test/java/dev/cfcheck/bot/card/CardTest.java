package dev.cfcheck.bot.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardTest {

    private static final Instant NOW = SampleReports.CHECKED_AT.plusSeconds(42);

    @Test
    void originTimeoutCardCarriesVerdictFieldsStepsAndContext() {
        Card card = Card.from(SampleReports.originTimeout("example.com"), "ABCD2345", Redaction.NONE, NOW);

        assertThat(card.kind()).isEqualTo(Kind.ORIGIN_TIMEOUT);
        assertThat(card.code()).isEqualTo("522");
        assertThat(card.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(card.fields()).extracting(CardField::label).containsExactly("DNS", "Edge", "Origin", "Certificate", "Timings");
        assertThat(card.field("DNS").value()).contains("104.16.132.229").contains("proxied by Cloudflare").contains("NS Cloudflare");
        assertThat(card.field("Edge").value()).contains("HTTP 522").contains("Cloudflare error page 522")
                .contains("colo FRA (Frankfurt, DE)").contains("Ray ID 8c1d2e3f4a5b6c7d");
        assertThat(card.field("Origin").value()).contains("203.0.113.7: TCP 443 timeout 3.0 s, 80 timeout 3.0 s");
        assertThat(card.field("Certificate").value()).isEqualTo("edge: expires in 80 days");
        assertThat(card.field("Timings").value()).contains("DNS 12 ms").contains("first byte 19.0 s");
        assertThat(card.steps()).hasSize(3);
        assertThat(card.steps().get(0).command()).contains("--resolve example.com:443:203.0.113.7");
        assertThat(card.steps().get(2).hasCommand()).isFalse();
        assertThat(card.findings()).extracting(CardFinding::kind).containsExactly(Kind.CERT_EXPIRING);
        assertThat(card.context()).isEqualTo(new CardContext(SampleReports.CHECKED_AT, false, 0, 3050, "ABCD2345"));
    }

    @Test
    void domainNotesAndExpectedSslModeFromTheConfigShowOnTheCard() {
        CheckReport plain = SampleReports.originTimeout("example.com");
        CheckReport report = new CheckReport(plain.domain(), plain.target(), plain.checkedAt(), plain.elapsedMs(),
                plain.cached(), plain.verdict(), plain.findings(), plain.probes(),
                new dev.cfcheck.diagnosis.DomainSettings(dev.cfcheck.diagnosis.SslMode.STRICT,
                        "Origin 203.0.113.7 is the k8s ingress; page #platform"));

        Card card = Card.from(report, "ABCD2345", Redaction.forReport(report, List.of(), false), NOW);

        assertThat(card.fields()).extracting(CardField::label).endsWith("Config");
        assertThat(card.field("Config").value())
                .isEqualTo("SSL mode Full (strict)\nOrigin $ORIGIN_IP is the k8s ingress; page #platform");
        assertThat(Card.from(plain, "ABCD2345", Redaction.NONE, NOW).field("Config")).isNull();
    }

    @Test
    void hiddenOriginBecomesPlaceholderEverywhereOnTheCardButNotInDetails() {
        CheckReport report = SampleReports.originTimeout("example.com");
        Card card = Card.from(report, "ABCD2345", Redaction.forReport(report, List.of(), false), NOW);

        assertThat(card.toString()).doesNotContain("203.0.113.7");
        assertThat(card.summary()).contains("origin $ORIGIN_IP in time");
        assertThat(card.field("Origin").value()).startsWith("$ORIGIN_IP: TCP");
        assertThat(card.steps().get(0).command()).isEqualTo("curl -sv --resolve example.com:443:$ORIGIN_IP https://example.com/");
        // Cloudflare's own addresses are public and stay.
        assertThat(card.field("DNS").value()).contains("104.16.132.229");

        Details details = Details.from(report, "ABCD2345");
        assertThat(details.toString()).contains("203.0.113.7").doesNotContain("$ORIGIN_IP");
    }

    @Test
    void redactionHidesWholeAddressesOnlyAndBothIpv6Spellings() {
        Redaction r = Redaction.hiding(List.of("1.2.3.4", "2001:db8::1"));

        assertThat(r.apply("ip 1.2.3.4, port 1.2.3.4:443, [1.2.3.4]. end 1.2.3.4."))
                .isEqualTo("ip $ORIGIN_IP, port $ORIGIN_IP:443, [$ORIGIN_IP]. end $ORIGIN_IP.");
        assertThat(r.apply("11.2.3.4 1.2.3.45 1.2.3.4.5")).isEqualTo("11.2.3.4 1.2.3.45 1.2.3.4.5");
        assertThat(r.apply("v6 [2001:db8::1]:443 and 2001:db8:0:0:0:0:0:1 but not 2001:db8::10 nor 2001:db8::1:5"))
                .isEqualTo("v6 [$ORIGIN_IP_2]:443 and $ORIGIN_IP_2 but not 2001:db8::10 nor 2001:db8::1:5");
        assertThat(Redaction.compressed("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Redaction.compressed("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    }

    @Test
    void cachedReportShowsItsAge() {
        Card card = Card.from(SampleReports.originTimeout("example.com").asCached(), "ABCD2345", Redaction.NONE, NOW);

        assertThat(card.context().cached()).isTrue();
        assertThat(card.context().cachedAgeSeconds()).isEqualTo(42);
    }

    @Test
    void healthyOriginShowsTlsAndCertificate() {
        Card card = Card.from(SampleReports.healthy("example.com"), "ABCD2345", Redaction.NONE, NOW);

        assertThat(card.field("Origin").value()).isEqualTo("203.0.113.7: TCP 443 connected 9 ms\nHTTP 200 in 40 ms\nTLS 203.0.113.7:443: TLSv1.3");
        assertThat(card.field("Certificate").value()).isEqualTo("edge: expires in 60 days\norigin: expires in 45 days");
        assertThat(card.steps()).isEmpty();
    }

    @Test
    void hostileValuesAreFlattenedAndClippedOnTheCard() {
        Card card = Card.from(SampleReports.hostile("example.com"), "ABCD2345", Redaction.NONE, NOW);

        assertThat(card.title()).hasSizeLessThanOrEqualTo(Card.TITLE_MAX).endsWith("…");
        assertThat(card.summary()).hasSizeLessThanOrEqualTo(Card.SUMMARY_MAX);
        assertThat(card.fields()).allSatisfy(f -> assertThat(f.value()).hasSizeLessThanOrEqualTo(Card.FIELD_MAX));
        assertThat(card.steps()).allSatisfy(s -> {
            assertThat(s.text()).hasSizeLessThanOrEqualTo(Card.STEP_TEXT_MAX);
            assertThat(s.command()).hasSizeLessThanOrEqualTo(Card.COMMAND_MAX);
        });
        assertThat(card.field("Origin").value()).contains("+3 more origins");

        Details details = Details.from(SampleReports.hostile("example.com"), "ABCD2345");
        assertThat(details.sections()).allSatisfy(s -> assertThat(s.lines()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(1010).doesNotContain("\n")));
    }

    @Test
    void clipNeverSplitsASurrogatePairAndDropsControlCharacters() {
        assertThat(Clip.shorten("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(Clip.line("a\r\nb\u0000c\u2028d", 50)).isEqualTo("a bc d");
        assertThat(Clip.text("a\r\nb\u0007c", 50)).isEqualTo("a\nbc");
        // Bidi overrides and zero-width characters are dropped on cards too (the same rule as the probes').
        assertThat(Clip.line("CN=\u202Eexe.txt\u200B", 50)).isEqualTo("CN=exe.txt");
        assertThat(Clip.text("one\u2066\ntwo\uFEFF", 50)).isEqualTo("one\ntwo");
    }
}
