package dev.cfcheck.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional Cloudflare API lookups: a read-only token from {@code CLOUDFLARE_API_TOKEN} (or the file named
 * by {@code CLOUDFLARE_API_TOKEN_FILE}), and the API's address from {@code CLOUDFLARE_API_URL} (default
 * {@value #DEFAULT_URL}). Without a token there are no lookups, and checks use what is public.
 *
 * <p>The address must be https: the token travels with every request. Plain http is accepted only for a
 * loopback host (a stand-in on the same machine). Neither {@code toString} nor any message shows the token.
 *
 * @param token   the token, which {@link Secret} keeps out of logs
 * @param baseUrl the API's base URL, without a trailing slash
 */
public record CloudflareApiSettings(Secret token, String baseUrl) {

    public static final String TOKEN_VARIABLE = "CLOUDFLARE_API_TOKEN";
    public static final String URL_VARIABLE = "CLOUDFLARE_API_URL";
    public static final String DEFAULT_URL = "https://api.cloudflare.com/client/v4";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /**
     * The settings of this environment, or empty when no token is set.
     *
     * @throws ConfigException when {@code CLOUDFLARE_API_TOKEN_FILE} cannot be read, or {@code CLOUDFLARE_API_URL}
     *                         is not an https URL (http only on loopback)
     */
    public static Optional<CloudflareApiSettings> fromEnvironment(Map<String, String> environment) {
        Optional<Secret> token = new Secrets(environment).find(TOKEN_VARIABLE);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CloudflareApiSettings(token.get(), apiUrl(environment)));
    }

    /**
     * The API's base URL this environment names ({@code CLOUDFLARE_API_URL}, else {@value #DEFAULT_URL}), checked
     * as {@link #baseUrl(String)} does; also for what needs no token (the public {@code /ips}).
     */
    public static String apiUrl(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : baseUrl(url.strip());
    }

    /**
     * A base URL for the API, without a trailing slash.
     *
     * @throws ConfigException when it is not https (http only on loopback), or has a user, query or fragment
     */
    public static String baseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL_VARIABLE, "not a URL; expected e.g. " + DEFAULT_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigException(URL_VARIABLE, "expected an https URL such as " + DEFAULT_URL);
        }
        if (scheme.equals("http") && !(LOOPBACK_HOSTS.contains(host) || host.startsWith("127."))) {
            throw new ConfigException(URL_VARIABLE, "must be https (the API token is sent with every request);"
                    + " plain http is accepted only on loopback");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException(URL_VARIABLE, "expected a base URL without user, query or fragment, such as " + DEFAULT_URL);
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "CloudflareApiSettings[token from " + token.source() + ", " + baseUrl + "]";
    }
}
