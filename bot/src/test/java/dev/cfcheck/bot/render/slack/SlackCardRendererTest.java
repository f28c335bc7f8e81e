package dev.cfcheck.bot.render.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.card.HiddenText;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.card.SampleReports;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackCardRendererTest {

    private static final Instant NOW = SampleReports.CHECKED_AT.plusSeconds(42);
    private final SlackCardRenderer renderer = new SlackCardRenderer();

    @Test
    void originTimeoutCardInBlockKit() {
        Card card = Card.from(SampleReports.originTimeout("example.com").asCached(), "ABCD2345", Redaction.hiding(List.of(SampleReports.ORIGIN)), NOW);
        JsonObject json = BlockKit.json(renderer.card(card));
        JsonArray blocks = json.getAsJsonArray("blocks");

        assertThat(blocks).extracting(b -> b.getAsJsonObject().get("type").getAsString())
                .containsExactly("header", "section", "section", "divider", "section", "section", "section", "section", "context", "actions");
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("\uD83D\uDD34 522 · Connection timed out (522)");
        assertThat(text(blocks, 1)).isEqualTo("*example.com*  https://example.com/\nCloudflare could not open a TCP connection to the origin $ORIGIN_IP in time.");
        JsonArray fields = blocks.get(2).getAsJsonObject().getAsJsonArray("fields");
        assertThat(fields).hasSize(5);
        assertThat(fields.get(1).getAsJsonObject().get("text").getAsString())
                .isEqualTo("*Edge*\nHTTP 522 · Cloudflare error page 522\ncolo FRA (Frankfurt, DE)\nRay ID 8c1d2e3f4a5b6c7d");
        assertThat(fields.get(2).getAsJsonObject().get("text").getAsString()).startsWith("*Origin*\n$ORIGIN_IP: TCP 443 timeout");
        assertThat(text(blocks, 4)).isEqualTo("*Next steps*\n*1.* Check the origin answers on 443 from its own network.\n"
                + "```curl -sv --resolve example.com:443:$ORIGIN_IP https://example.com/```");
        assertThat(text(blocks, 6)).isEqualTo("*3.* Look at the web server's error log.");
        assertThat(text(blocks, 7)).isEqualTo("*Also found*\n• \uD83D\uDFE0 200 · Edge certificate expires soon");
        assertThat(blocks.get(8).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("checked 2026-11-24 21:07:19 UTC · cached 42 s ago · took 3.1 s · ref ABCD2345");
        JsonArray buttons = blocks.get(9).getAsJsonObject().getAsJsonArray("elements");
        assertThat(buttons.get(0).getAsJsonObject().get("action_id").getAsString()).isEqualTo("cfcheck_rerun");
        assertThat(buttons.get(0).getAsJsonObject().get("value").getAsString()).isEqualTo("ABCD2345");
        assertThat(buttons.get(1).getAsJsonObject().get("action_id").getAsString()).isEqualTo("cfcheck_details");
        assertThat(json.get("text").getAsString()).isEqualTo("\uD83D\uDD34 522 Connection timed out (522) — example.com");
        assertThat(json.toString()).doesNotContain("203.0.113.7");
        BlockKit.assertWithinLimits(json);
        BlockKit.assertInert(json);
    }

    @Test
    void hostileProbeDataComesOutInertAndTheLargestCardStaysWithinLimits() {
        Card card = Card.from(SampleReports.hostile("example.com"), "ABCD2345", Redaction.NONE, NOW);
        JsonObject json = BlockKit.json(renderer.card(card));

        BlockKit.assertWithinLimits(json);
        BlockKit.assertInert(json);
        String all = String.join("\n", BlockKit.texts(json));
        assertThat(all).contains("&lt;!channel&gt;").contains("&lt;@U024BE7LH&gt;").contains("&lt;https://evil.example|click me&gt;")
                .contains("@\u2060here").contains("ˋrm -rf /ˋ").contains("…");
        assertThat(all).contains("more steps: press Details");
        // 10 step blocks at most, the buttons still last.
        JsonArray blocks = json.getAsJsonArray("blocks");
        assertThat(blocks.get(blocks.size() - 1).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
    }

    @Test
    void bidiZeroWidthAndControlCharactersFromTheNetworkNeverReachSlack() {
        Card card = Card.from(SampleReports.hostile("example.com"), "ABCD2345", Redaction.NONE, NOW);
        Details details = Details.from(SampleReports.hostile("example.com"), "ABCD2345");

        HiddenText.assertNone(String.join("\n", BlockKit.texts(BlockKit.json(renderer.card(card)))), SlackText.WORD_JOINER.codePointAt(0));
        HiddenText.assertNone(String.join("\n", BlockKit.texts(BlockKit.json(renderer.details(details)))), SlackText.WORD_JOINER.codePointAt(0));
        assertThat(String.join("\n", BlockKit.texts(BlockKit.json(renderer.details(details))))).contains("gnp.exe x");
    }

    @Test
    void hostileDetailsStayInsideCodeBlocksAndLimits() {
        Details details = Details.from(SampleReports.hostile("example.com"), "ABCD2345");
        JsonObject json = BlockKit.json(renderer.details(details));

        BlockKit.assertWithinLimits(json);
        BlockKit.assertInert(json);
        assertThat(BlockKit.texts(json)).anySatisfy(t -> assertThat(t).startsWith("*Edge (https)*\n```GET https://example.com/"));
    }

    @Test
    void detailsShowTheOriginAddress() {
        JsonObject json = BlockKit.json(renderer.details(Details.from(SampleReports.healthy("example.com"), "ABCD2345")));
        assertThat(json.toString()).contains("203.0.113.7");
        BlockKit.assertWithinLimits(json);
    }

    @Test
    void trimNeverCutsAnEntityOrASurrogatePair() {
        assertThat(SlackText.trim("ab&amp;cd", 5)).isEqualTo("ab…");
        assertThat(SlackText.trim("ab&amp;cd", 8)).isEqualTo("ab&amp;…");
        assertThat(SlackText.trim("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(SlackText.codeBlock("a`b```c", 100)).isEqualTo("```aˋbˋˋˋc```");
        assertThat(SlackText.codeBlock("x".repeat(5000), 3000)).hasSize(3000).endsWith("…```");
        assertThat(SlackText.inert("@Here & <!everyone>")).isEqualTo("@\u2060Here &amp; &lt;!everyone&gt;");
    }

    private static String text(JsonArray blocks, int i) {
        return blocks.get(i).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
    }
}
