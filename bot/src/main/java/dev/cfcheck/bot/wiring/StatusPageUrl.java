package dev.cfcheck.bot.wiring;

import dev.cfcheck.site.BadInputException;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Where Cloudflare's status page is read: {@code CLOUDFLARE_STATUS_URL}, by default Cloudflare's own; {@code off}
 * turns the status probe off (the test suite runs with it off, so no test reaches the internet).
 */
public final class StatusPageUrl {

    public static final String VARIABLE = "CLOUDFLARE_STATUS_URL";
    public static final HttpUrl DEFAULT = HttpUrl.get("https://www.cloudflarestatus.com/");

    private StatusPageUrl() {
    }

    /** The page's base URL, or {@code null} when turned off. */
    public static HttpUrl from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        if (value.trim().toLowerCase(Locale.ROOT).equals("off")) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(value.trim());
        if (url == null) {
            throw new BadInputException(VARIABLE + " is not an http(s) URL (or \"off\")");
        }
        return url;
    }
}
