package dev.cfcheck.bot.health;

import dev.cfcheck.probes.OneLine;
import dev.cfcheck.site.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One {@code GET} to the bot's operator port, as {@code cfcheck health} makes it: never through a proxy, a
 * deadline on connecting and on every read, and at most {@value #MAX_BODY} bytes of the answer read, of which
 * the first line is kept (made safe to print by {@link OneLine}).
 */
public final class OperatorClient {

    static final int MAX_BODY = 512;
    private static final int MAX_LINE = 200;

    private OperatorClient() {
    }

    /**
     * @param status the HTTP status
     * @param line   the body's first line, safe to print; empty when there is none
     */
    public record Answer(int status, String line) {
    }

    /** {@code http://address/path}, an IPv6 address in brackets. */
    public static String url(InetSocketAddress address, String path) {
        return "http://" + IpLiteral.withPort(address.getAddress(), address.getPort()) + path;
    }

    /**
     * @throws IOException when nothing answers in time (refused, timed out, reset)
     */
    public static Answer get(InetSocketAddress address, String path, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        HttpURLConnection connection = (HttpURLConnection) new URL(url(address, path)).openConnection(Proxy.NO_PROXY);
        try {
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Connection", "close");
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY);
            String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            String line = OneLine.of(first, MAX_LINE);
            return new Answer(status, line == null ? "" : line);
        } finally {
            connection.disconnect();
        }
    }
}
