package dev.cfcheck.bot.render.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/** Reads Block Kit JSON the way Slack would and checks it against Slack's published limits. */
public final class BlockKit {

    private BlockKit() {
    }

    /** The JSON Slack receives for a message (same Gson settings as the SDK's response_url posts). */
    public static JsonObject json(SlackMessage m) {
        JsonObject o = new JsonObject();
        o.addProperty("text", m.text());
        o.add("blocks", GsonFactory.createSnakeCase().toJsonTree(m.blocks()));
        return o;
    }

    public static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** Every "text" string in the message, top-level fallback included. */
    public static List<String> texts(JsonElement e) {
        List<String> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(JsonElement e, List<String> out) {
        if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    out.add(entry.getValue().getAsString());
                } else {
                    collect(entry.getValue(), out);
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        }
    }

    /** Slack's limits: 50 blocks, 3000 per section text, 10 fields of 2000, 150 per header, 2000 per button value. */
    public static void assertWithinLimits(JsonObject message) {
        JsonArray blocks = message.getAsJsonArray("blocks");
        assertThat(blocks.size()).isBetween(1, 50);
        assertThat(message.get("text").getAsString()).isNotEmpty().hasSizeLessThanOrEqualTo(3000);
        for (JsonElement be : blocks) {
            JsonObject b = be.getAsJsonObject();
            switch (b.get("type").getAsString()) {
                case "header" -> assertThat(b.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(150);
                case "section" -> {
                    if (b.has("text")) {
                        assertThat(b.getAsJsonObject("text").get("text").getAsString()).isNotEmpty().hasSizeLessThanOrEqualTo(3000);
                    }
                    if (b.has("fields")) {
                        JsonArray fields = b.getAsJsonArray("fields");
                        assertThat(fields.size()).isLessThanOrEqualTo(10);
                        fields.forEach(f -> assertThat(f.getAsJsonObject().get("text").getAsString()).hasSizeLessThanOrEqualTo(2000));
                    }
                }
                case "context" -> assertThat(b.getAsJsonArray("elements").size()).isLessThanOrEqualTo(10);
                case "actions" -> b.getAsJsonArray("elements").forEach(x -> {
                    JsonObject button = x.getAsJsonObject();
                    assertThat(button.get("value").getAsString()).hasSizeLessThanOrEqualTo(2000);
                    assertThat(button.get("action_id").getAsString()).hasSizeLessThanOrEqualTo(255);
                    assertThat(button.getAsJsonObject("text").get("text").getAsString()).hasSizeLessThanOrEqualTo(75);
                });
                case "divider" -> { }
                default -> throw new AssertionError("unexpected block " + b);
            }
        }
        mrkdwnObjects(message).forEach(t -> assertThat(t.get("verbatim").getAsBoolean()).as("verbatim on %s", t).isTrue());
    }

    /** Every mrkdwn text object in the message. */
    public static List<JsonObject> mrkdwnObjects(JsonElement e) {
        List<JsonObject> out = new ArrayList<>();
        collectMrkdwn(e, out);
        return out;
    }

    private static void collectMrkdwn(JsonElement e, List<JsonObject> out) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("type") && o.get("type").isJsonPrimitive() && o.get("type").getAsString().equals("mrkdwn")) {
                out.add(o);
            }
            o.entrySet().forEach(x -> collectMrkdwn(x.getValue(), out));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectMrkdwn(x, out));
        }
    }

    /** Network data came out inert: no Slack control sequences, no live broadcast words, code fences balanced. */
    public static void assertInert(JsonObject message) {
        for (String t : texts(message)) {
            assertThat(t).doesNotContain("<!").doesNotContain("<@").doesNotContain("<#").doesNotContain("<http")
                    .doesNotContainPattern("(?i)@(here|channel|everyone)");
            assertThat(t.indexOf('<')).as("raw < in %s", t.substring(0, Math.min(80, t.length()))).isEqualTo(-1);
            assertThat(t.indexOf('>')).isEqualTo(-1);
            // Backticks only as our own fences, which come in pairs.
            String withoutFences = t.replace("```", "");
            assertThat(withoutFences).doesNotContain("`");
            assertThat((t.length() - withoutFences.length()) / 3 % 2).isZero();
        }
    }
}
