package dev.cfcheck.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.CardContext;
import dev.cfcheck.bot.card.CardField;
import dev.cfcheck.bot.card.CardFinding;
import dev.cfcheck.bot.card.CardStep;
import dev.cfcheck.bot.card.DetailSection;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.card.HiddenText;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.diagnosis.Kind;
import dev.cfcheck.diagnosis.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbedRendererTest {

    private static final Instant CHECKED_AT = Instant.parse("2025-03-01T12:00:03Z");
    private static final String HOSTILE = "@everyone <@123456789012345678> <#42> <t:0:R> [click me](https://evil.example/login) "
            + "**bold** __under__ ~~strike~~ ||spoiler|| `tick` ```fence``` > quote\n# header\n-# subtext\n- list \\ backslash";

    private final EmbedRenderer renderer = new EmbedRenderer();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyVerdictKindRendersWithinDiscordLimits(Kind kind) {
        Card card = card(kind, severityOf(kind), "Title of " + kind, "What " + kind + " means, in two sentences. Then what to do.",
                List.of(new CardStep("Look at the origin", "curl -sv --resolve 'example.com:443:$ORIGIN_IP' https://example.com/"),
                        new CardStep("Read the logs", null)),
                List.of(new CardFinding(Kind.CERT_EXPIRING, "CERT", Severity.WARNING, "Edge certificate expires in 9 days")),
                "a".repeat(40));

        MessageEmbed embed = renderer.card(card);

        assertWithinLimits(embed);
        assertThat(embed.getTitle()).contains("522").contains("Title of " + kind.name().replace("_", "\\_"));
        assertThat(embed.getColorRaw()).isEqualTo(EmbedRenderer.color(severityOf(kind)));
        assertThat(embed.getDescription()).contains("**example.com**").contains("**Next steps**")
                .contains("```sh\ncurl -sv --resolve 'example.com:443:$ORIGIN_IP' https://example.com/\n```")
                .contains("2\\. Read the logs");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName)
                .containsExactly("DNS", "Edge", "Origin", "Certificate", "Timings", "Also seen");
        assertThat(embed.getFields().subList(0, 5)).allMatch(MessageEmbed.Field::isInline);
        assertThat(embed.getFields().get(1).getValue()).contains("colo FRA").contains("Ray ID 8f1e2d3c4b5a6978");
        assertThat(embed.getFooter().getText())
                .isEqualTo("checked 2025-03-01 12:00:03 UTC · cached 35 s ago · took 1.2 s · ref " + "a".repeat(40));
        assertThat(embed.getTimestamp()).isNotNull();
    }

    @Test
    void severityPicksColourAndEmoji() {
        assertThat(renderer.card(simple(Severity.OK)).getColorRaw()).isEqualTo(0x2EB67D);
        assertThat(renderer.card(simple(Severity.CRITICAL)).getColorRaw()).isEqualTo(0xE01E5A);
        assertThat(renderer.card(simple(Severity.WARNING)).getTitle()).startsWith("⚠️ 522 · ");
        assertThat(renderer.card(simple(Severity.INFO)).getTitle()).startsWith("ℹ️ ");
    }

    @Test
    void worstCaseWithHugeValuesIsTrimmedToEveryLimit() {
        String huge = "x".repeat(10_000);
        List<CardStep> steps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            steps.add(new CardStep(huge.substring(0, 600), "echo " + "y".repeat(1500)));
        }
        List<CardFinding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            findings.add(new CardFinding(Kind.SLOW_RESPONSE, huge.substring(0, 40), Severity.INFO, huge.substring(0, 200)));
        }
        List<CardField> fields = List.of(new CardField("DNS", huge), new CardField("Edge", huge), new CardField("Origin", huge),
                new CardField("Certificate", huge), new CardField("Timings", huge));
        Card card = new Card("long-" + "l".repeat(240) + ".example", "https://example.com/", Kind.ORIGIN_TIMEOUT, "522", true,
                Severity.CRITICAL, huge, huge, fields, steps, findings,
                new CardContext(CHECKED_AT, false, 0, 61_000, "r".repeat(3000)));

        MessageEmbed embed = renderer.card(card);

        assertWithinLimits(embed);
        // Steps are dropped whole, never cut inside a code block, and the reader is told.
        String description = embed.getDescription();
        assertThat(countOf(description, "```")).isEven();
        assertThat(description).contains("more steps: press Details");
        assertThat(embed.getTitle()).endsWith("…").startsWith("🔴 522 (inferred) · ");
        // The total budget is shared: every evidence field still shows something.
        assertThat(embed.getFields()).hasSize(6).allMatch(f -> f.getValue().length() > 100);
    }

    @Test
    void aLongSummaryBesideFullFieldsIsShortenedNotDroppedAndTheNoteCountsOnlySteps() {
        // Five full evidence fields leave the description its reserve of about 1500 characters; the summary
        // (2000 characters on the card, more once escaped) must still lead it, cut, with the steps counted after.
        List<CardField> fields = List.of("DNS", "Edge", "Origin", "Certificate", "Timings").stream()
                .map(label -> new CardField(label, "v".repeat(1000))).toList();
        List<CardStep> steps = List.of(new CardStep("First", "echo 1"), new CardStep("Second", null), new CardStep("Third", null));
        Card card = new Card("example.com", "https://example.com/", Kind.ORIGIN_TIMEOUT, "522", false, Severity.CRITICAL,
                "Connection timed out", "_".repeat(2000), fields, steps, List.of(), new CardContext(CHECKED_AT, false, 0, 1200, "ref"));

        MessageEmbed embed = renderer.card(card);

        assertWithinLimits(embed);
        String description = embed.getDescription();
        assertThat(description.length()).isGreaterThan(1000);
        assertThat(description).startsWith("**example.com**\n\\_\\_\\_").contains("…").endsWith("\n*3 more steps: press Details*");
    }

    @Test
    void hostileNetworkTextComesOutEscaped() {
        Card card = card(Kind.CLOUDFLARE_ERROR, Severity.CRITICAL, HOSTILE, HOSTILE,
                List.of(new CardStep(HOSTILE, "curl ```; echo @everyone ``` `id`")),
                List.of(new CardFinding(Kind.CHALLENGE, "<@1>", Severity.INFO, HOSTILE)),
                "ref");
        card = new Card(card.domain(), card.target(), card.kind(), card.code(), false, card.severity(), card.title(), card.summary(),
                List.of(new CardField("DNS", HOSTILE), new CardField("Edge", HOSTILE)), card.steps(), card.findings(), card.context());

        MessageEmbed embed = renderer.card(card);

        assertInert(embed.getTitle());
        String description = embed.getDescription();
        // Our own markup: the bold domain line, the bold "Next steps", "1\\. " and the code fence. All the rest is theirs.
        String summary = description.substring("**example.com**\n".length(), description.indexOf("\n\n**Next steps**"));
        assertInert(summary);
        String stepText = description.substring(description.indexOf("1\\. ") + 4, description.indexOf("\n```sh\n"));
        assertInert(stepText);
        String codeBlock = description.substring(description.indexOf("```sh\n"), description.lastIndexOf("```") + 3);
        // Inside the fence no run of three backticks can close it early; single backticks stay for copy-paste.
        String inside = codeBlock.substring("```sh\n".length(), codeBlock.length() - "\n```".length());
        assertThat(inside).doesNotContain("```").contains("`id`").contains("@everyone");
        for (MessageEmbed.Field field : embed.getFields()) {
            assertInert(field.getName());
            assertInert(field.getValue());
        }
        assertThat(embed.getFields().get(0).getValue()).contains("\\[click me\\]\\(https\\://evil.example/login\\)")
                .contains("\\@everyone").contains("\\<\\@123456789012345678\\>");
    }

    @Test
    void bidiZeroWidthAndControlCharactersFromTheNetworkNeverReachDiscord() {
        Card card = Card.from(SampleReports.hostile("example.com"), "ABCD2345", Redaction.NONE, CHECKED_AT);
        Details details = Details.from(SampleReports.hostile("example.com"), "ABCD2345");

        for (MessageEmbed embed : List.of(renderer.card(card), renderer.details(details))) {
            StringBuilder all = new StringBuilder(embed.getTitle()).append('\n').append(embed.getDescription());
            embed.getFields().forEach(f -> all.append('\n').append(f.getName()).append('\n').append(f.getValue()));
            // The renderer's own zero-width space keeps backtick runs from closing a code fence.
            HiddenText.assertNone(all.toString(), 0x200B);
        }
    }

    @Test
    void detailsShowEverySectionEscapedAndWithinLimits() {
        List<DetailSection> sections = new ArrayList<>();
        sections.add(new DetailSection("Verdict", List.of("kind ORIGIN_TIMEOUT, code 522", HOSTILE)));
        for (int i = 0; i < 40; i++) {
            sections.add(new DetailSection("Origin 203.0.113." + i, List.of("TCP 443 timeout in 5.0 s", "x".repeat(900))));
        }

        MessageEmbed embed = renderer.details(new Details("example.com", "ref-1", sections));

        assertWithinLimits(embed);
        assertThat(embed.getTitle()).isEqualTo("Details · example.com");
        assertThat(embed.getFields()).hasSize(25);
        assertThat(embed.getFields().get(0).getValue()).contains("kind ORIGIN\\_TIMEOUT, code 522");
        assertInert(embed.getFields().get(0).getValue());
        assertThat(embed.getFields().get(24).getValue()).isEqualTo("17 more sections not shown");
        assertThat(embed.getFooter().getText()).isEqualTo("ref ref-1");
    }

    @Test
    void escapeTurnsEveryMarkdownCharacterIntoALiteralAndBreaksAutolinks() {
        assertThat(DiscordMarkdown.escape("a*b_c~d|e`f>g#h-i[j]k(l)m<n@o\\p")).isEqualTo(
                "a\\*b\\_c\\~d\\|e\\`f\\>g\\#h\\-i\\[j\\]k\\(l\\)m\\<n\\@o\\\\p");
        assertThat(DiscordMarkdown.escape("see https://evil.example/")).isEqualTo("see https\\://evil.example/");
        assertThat(DiscordMarkdown.escape("example.com:8443")).isEqualTo("example.com:8443");
    }

    @Test
    void fitNeverLeavesADanglingEscape() {
        String escaped = DiscordMarkdown.escape("ab*cd");
        assertThat(escaped).isEqualTo("ab\\*cd");
        // Cut right after the backslash: the backslash goes too, or it would escape the ellipsis.
        assertThat(DiscordMarkdown.fit(escaped, 4)).isEqualTo("ab…");
        assertThat(DiscordMarkdown.fit(escaped, 5)).isEqualTo("ab\\*…");
        assertThat(DiscordMarkdown.fit(escaped, 6)).isEqualTo("ab\\*cd");
    }

    /** Every markdown-special character is preceded by an odd number of backslashes (that is, escaped). */
    static void assertInert(String text) {
        Matcher m = Pattern.compile("[*_~|`>#\\[\\]()<@]").matcher(text);
        while (m.find()) {
            int slashes = 0;
            for (int i = m.start() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                slashes++;
            }
            assertThat(slashes % 2).as("'%s' at %d is escaped in: %s", m.group(), m.start(), text).isEqualTo(1);
        }
        assertThat(text).doesNotContain("https://");
    }

    static void assertWithinLimits(MessageEmbed embed) {
        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        if (embed.getTitle() != null) {
            assertThat(embed.getTitle().length()).isLessThanOrEqualTo(256);
        }
        if (embed.getDescription() != null) {
            assertThat(embed.getDescription().length()).isLessThanOrEqualTo(4096);
        }
        assertThat(embed.getFields().size()).isLessThanOrEqualTo(25);
        for (MessageEmbed.Field f : embed.getFields()) {
            assertThat(f.getName()).isNotBlank().hasSizeLessThanOrEqualTo(256);
            assertThat(f.getValue()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        }
        if (embed.getFooter() != null) {
            assertThat(embed.getFooter().getText().length()).isLessThanOrEqualTo(2048);
        }
        // What JDA would send must serialise.
        assertThat(embed.toData().toString()).isNotEmpty();
    }

    private static Card simple(Severity severity) {
        return card(Kind.ORIGIN_TIMEOUT, severity, "Connection timed out", "Summary.", List.of(), List.of(), "ref");
    }

    private static Card card(Kind kind, Severity severity, String title, String summary, List<CardStep> steps,
                             List<CardFinding> findings, String referenceId) {
        List<CardField> fields = List.of(
                new CardField("DNS", "104.16.1.1, 104.16.2.2\nproxied by Cloudflare\nNS Cloudflare"),
                new CardField("Edge", "HTTP 522 · Cloudflare error page 522\ncolo FRA (Frankfurt, DE)\nRay ID 8f1e2d3c4b5a6978"),
                new CardField("Origin", "$ORIGIN_IP: TCP 443 timeout 5.0 s, 80 timeout 5.0 s\nHTTP not tried"),
                new CardField("Certificate", "edge: 80 days left"),
                new CardField("Timings", "DNS 12 ms · connect 8 ms · TLS 20 ms · first byte 15.0 s · total 15.0 s"));
        return new Card("example.com", "https://example.com/", kind, "522", false, severity, title, summary, fields, steps, findings,
                new CardContext(CHECKED_AT, true, 35, 1200, referenceId));
    }

    private static Severity severityOf(Kind kind) {
        return switch (kind) {
            case HEALTHY -> Severity.OK;
            case SLOW_RESPONSE, CHALLENGE, NOT_ON_CLOUDFLARE -> Severity.INFO;
            case CERT_EXPIRING, REDIRECT_LOOP, BLOCKED_BY_CLOUDFLARE -> Severity.WARNING;
            default -> Severity.CRITICAL;
        };
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
