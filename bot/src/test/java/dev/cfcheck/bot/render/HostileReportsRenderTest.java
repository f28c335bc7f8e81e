package dev.cfcheck.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.render.discord.EmbedRenderer;
import dev.cfcheck.bot.render.discord.Embeds;
import dev.cfcheck.bot.render.slack.BlockKit;
import dev.cfcheck.bot.render.slack.SlackCardRenderer;
import dev.cfcheck.bot.render.terminal.TerminalRenderer;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.testing.HostileCase;
import dev.cfcheck.testing.HostileSite;
import dev.cfcheck.testing.HostileSite.Position;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worst reports of the hostile-origins suite (mention syntax, control bytes, bidi and invalid UTF-8 in the
 * status line, headers and title, 4 KiB redirect URLs, a refused redirect), made by the real checker on loopback
 * ({@link HostileSite}), through the card model and every renderer: Slack's Block Kit, Discord's embeds and the
 * terminal. Nothing can ping (no {@code <!channel>}, {@code @everyone} or {@code <@U123>} survives as markup),
 * nothing breaks the formatting (no markup, fence or escape sequence of the site's survives), and every message
 * stays within its platform's limits.
 */
class HostileReportsRenderTest {

    private static final List<HostileCase> WORST_AT_THE_EDGE = List.of(HostileCase.MENTIONS,
            HostileCase.CONTROL_BYTES_IN_HEADERS_AND_TITLE, HostileCase.CONTROL_BYTES_IN_STATUS_LINE,
            HostileCase.ENDLESS_REDIRECTS, HostileCase.REDIRECT_TO_METADATA);
    private static final List<HostileCase> WORST_AT_THE_ORIGIN = List.of(HostileCase.MENTIONS,
            HostileCase.CONTROL_BYTES_IN_HEADERS_AND_TITLE, HostileCase.CONTROL_BYTES_IN_STATUS_LINE);
    /** Our own colours: the only escape sequences the terminal may get. */
    private static final Pattern OUR_SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String WORD_JOINER = "\u2060";

    @TempDir
    static Path dir;

    private static final List<Checked> CHECKED = new ArrayList<>();

    /** One report, named for the test's display. */
    record Checked(Position position, HostileCase hostile, CheckReport report) {
        @Override
        public String toString() {
            return hostile + " at the " + position.name().toLowerCase(java.util.Locale.ROOT);
        }

        Card card() {
            return Card.from(report, "ABCD2345", Redaction.NONE, Instant.now());
        }

        Details details() {
            return Details.from(report, "ABCD2345");
        }
    }

    @BeforeAll
    static void checkTheWorst() throws Exception {
        try (HostileSite site = HostileSite.start(dir, HostileSite.Limits.SUITE)) {
            WORST_AT_THE_EDGE.forEach(c -> CHECKED.add(new Checked(Position.EDGE, c, site.check(Position.EDGE, c))));
            WORST_AT_THE_ORIGIN.forEach(c -> CHECKED.add(new Checked(Position.ORIGIN, c, site.check(Position.ORIGIN, c))));
        }
    }

    @AfterAll
    static void forget() {
        CHECKED.clear();
    }

    static Stream<Checked> worst() {
        return CHECKED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worst")
    void slackCardAndDetailsCannotPingOrBreakMrkdwn(Checked checked) {
        SlackCardRenderer slack = new SlackCardRenderer();
        JsonObject card = BlockKit.json(slack.card(checked.card()));
        JsonObject details = BlockKit.json(slack.details(checked.details()));

        for (JsonObject message : List.of(card, details)) {
            BlockKit.assertWithinLimits(message);
            BlockKit.assertInert(message);
            // The word joiner is the renderer's own, between @ and everyone: it keeps the word from pinging.
            BlockKit.texts(message).forEach(t -> assertVisible(t.replace(WORD_JOINER, "")));
        }
        if (checked.hostile() == HostileCase.MENTIONS) {
            // The site's mentions are there, as text.
            assertThat(String.join("\n", BlockKit.texts(details))).contains("&lt;!channel&gt;").contains("@\u2060everyone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worst")
    void discordEmbedsCannotPingOrBreakMarkdown(Checked checked) {
        EmbedRenderer discord = new EmbedRenderer();
        MessageEmbed card = discord.card(checked.card());
        MessageEmbed details = discord.details(checked.details());

        for (MessageEmbed embed : List.of(card, details)) {
            Embeds.assertWithinLimits(embed);
            for (MessageEmbed.Field field : embed.getFields()) {
                Embeds.assertInert(field.getName());
                Embeds.assertInert(field.getValue());
            }
            assertNoLiveMarkupOutsideCode(embed.getTitle());
            assertNoLiveMarkupOutsideCode(embed.getDescription());
            assertVisible(embed.getTitle());
            assertVisible(embed.getDescription());
            embed.getFields().forEach(f -> assertVisible(f.getValue()));
        }
        if (checked.hostile() == HostileCase.MENTIONS) {
            assertThat(details.getFields()).anySatisfy(f -> assertThat(f.getValue()).contains("\\<!channel\\>").contains("\\@everyone"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worst")
    void terminalGetsNoEscapeSequenceOrHiddenCharacterOfTheSite(Checked checked) {
        Card card = checked.card();
        for (boolean colour : List.of(false, true)) {
            TerminalRenderer terminal = new TerminalRenderer(colour);
            for (String out : List.of(terminal.render(card, checked.report().verdict().evidence()), terminal.render(checked.details()))) {
                String withoutOurColours = OUR_SGR.matcher(out).replaceAll("");
                withoutOurColours.lines().forEach(HostileReportsRenderTest::assertVisible);
            }
        }
    }

    /**
     * Outside our code fences (where nothing renders), every character Discord reads as a mention or a masked
     * link is escaped, and no URL is left to become a link.
     */
    private static void assertNoLiveMarkupOutsideCode(String text) {
        if (text == null) {
            return;
        }
        assertThat(count(text, "```") % 2).as("fences balanced in %s", text).isZero();
        String outside = text.replaceAll("(?s)```.*?```", "");
        Embeds.assertEscaped(outside, "[<@\\[]");
        assertThat(outside).doesNotContain("https://");
    }

    /** No control character (but the line breaks between lines), and nothing invisible: bidi, zero-width, private use. */
    private static void assertVisible(String text) {
        if (text == null) {
            return;
        }
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertThat(cp != '\n' && Character.isISOControl(cp) || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED)
                    .as("U+%04X in %s", cp, text).isFalse();
        });
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
