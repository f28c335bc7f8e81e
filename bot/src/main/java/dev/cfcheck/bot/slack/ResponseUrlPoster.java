package dev.cfcheck.bot.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;

/**
 * Posts a message to a {@code response_url}. The SDK's own senders build a new Gson for every post, which then
 * reflects over the Block Kit classes again each time (most of the CPU a storm of cards cost); this serialises
 * with one Gson made once, configured as the SDK's (snake case, its block adapters), and posts the JSON through
 * the SDK's HTTP client, which sends a string as it is.
 */
final class ResponseUrlPoster {

    private final Slack slack;
    private final Gson gson;

    ResponseUrlPoster(Slack slack) {
        this.slack = slack;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** @return the HTTP status Slack answered with */
    int post(String responseUrl, Object message) throws IOException {
        try (okhttp3.Response response = slack.getHttpClient().postJsonBody(responseUrl, gson.toJson(message))) {
            return response.code();
        }
    }
}
