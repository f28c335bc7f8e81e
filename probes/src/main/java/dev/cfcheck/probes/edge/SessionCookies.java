package dev.cfcheck.probes.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookies of one redirect chain, kept in memory like a browser tab would. Sites commonly redirect to set a
 * cookie and then come back to the same URL: without cookies that would look like a redirect loop. Bounded;
 * never shared between chains or checks.
 */
final class SessionCookies implements CookieJar {

    private static final int MAX_COOKIES = 50;

    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie cookie : received) {
            cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
                    && c.path().equals(cookie.path()));
            if (cookies.size() < MAX_COOKIES) {
                cookies.add(cookie);
            }
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expiresAt() < now);
        return cookies.stream().filter(c -> c.matches(url)).toList();
    }

    /** The cookies a request to {@code url} would carry, as one string: part of what makes two requests equal. */
    String stateFor(HttpUrl url) {
        return loadForRequest(url).stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
    }
}
