package dev.cfcheck.site.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfcheck.probes.NoDelaySocketFactory;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.probes.edge.BoundedBody;
import java.io.IOException;
import java.net.Proxy;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Behind {@code cfcheck ranges update} (a package of its own: it talks to the network, the rest of {@code site}
 * never does): fetches Cloudflare's IP ranges from the API's {@code /ips} (public, no token)
 * and writes them where the config's {@code cloudflareRanges} points, in the format {@link CloudflareRanges#load}
 * reads, with the date in the header. The file is replaced atomically and only with a list that parsed whole,
 * so a failed update leaves the previous file (or the bundled copy) in use.
 */
public final class RangesDownload {

    static final long MAX_BYTES = 1 << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl ipsUrl;
    private final OkHttpClient http;

    /** @param apiBase the API's base URL ({@code CLOUDFLARE_API_URL}, e.g. {@code https://api.cloudflare.com/client/v4}) */
    public RangesDownload(HttpUrl apiBase) {
        this.ipsUrl = apiBase.newBuilder().addPathSegment("ips").build();
        this.http = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .socketFactory(NoDelaySocketFactory.INSTANCE) // direct sockets: a plain one follows -DsocksProxyHost
                .callTimeout(TIMEOUT)
                .followRedirects(false)
                .build();
    }

    /** The ranges as fetched, the lines to write, and the list they parse to. */
    public record Fetched(List<String> ipv4, List<String> ipv6, String etag, LocalDate date) {

        /** The file's text: a header with source and date, then one CIDR a line. */
        public String fileText(HttpUrl from) {
            StringBuilder b = new StringBuilder()
                    .append("# Cloudflare's published IP ranges: fetched ").append(date)
                    .append(" from ").append(from).append(etag == null ? "" : " (etag " + etag + ")").append('\n')
                    .append("# Written by `cfcheck ranges update`; the bundled copy is used when this file is absent.\n");
            ipv4.forEach(c -> b.append(c).append('\n'));
            ipv6.forEach(c -> b.append(c).append('\n'));
            return b.toString();
        }
    }

    /** Fetches and validates; throws {@link BadInputException} with one line on any problem. */
    public Fetched fetch() {
        Request request = new Request.Builder().url(ipsUrl).header("Accept", "application/json").build();
        try (Response response = http.newCall(request).execute()) {
            String body = BoundedBody.read(response.body(), MAX_BYTES);
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.path("success").asBoolean(false)) {
                throw new BadInputException("Cloudflare's API refused " + ipsUrl.encodedPath() + " (HTTP "
                        + response.code() + errors(root) + ")");
            }
            JsonNode result = root.path("result");
            List<String> v4 = cidrs(result.path("ipv4_cidrs"));
            List<String> v6 = cidrs(result.path("ipv6_cidrs"));
            if (v4.isEmpty() || v6.isEmpty()) {
                throw new BadInputException("Cloudflare's API answered no IPv4 or no IPv6 ranges: file left as it was");
            }
            String etag = result.path("etag").isTextual() ? OneLine.of(result.path("etag").asText(), 64) : null;
            return new Fetched(v4, v6, etag, LocalDate.now(ZoneOffset.UTC));
        } catch (IOException e) {
            throw new BadInputException("cannot fetch Cloudflare's ranges from " + ipsUrl.host() + ": "
                    + OneLine.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 120));
        }
    }

    /** Writes the list next to {@code file} and moves it into place, so a reader never sees half a file. */
    public CloudflareRanges write(Fetched fetched, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ranges-", ".tmp");
            try {
                Files.writeString(tmp, fetched.fileText(ipsUrl));
                CloudflareRanges check = CloudflareRanges.load(tmp); // what cfcheck will read must read
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return check;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write Cloudflare ranges file " + "\"" + OneLine.of(String.valueOf(file), 200) + "\""
                    + ": " + e.getClass().getSimpleName());
        }
    }

    /** The API's error list in one short clause: "; 10000 Authentication error". */
    private static String errors(JsonNode root) {
        if (root == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : root.path("errors")) {
            out.add(e.path("code").asText("") + " " + e.path("message").asText(""));
        }
        return out.isEmpty() ? "" : "; " + OneLine.of(String.join(", ", out), 160);
    }

    private static List<String> cidrs(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String text = n.asText("").strip();
            try {
                Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Cloudflare's API answered a range that is not a CIDR: "
                        + "\"" + OneLine.of(text, 60) + "\"");
            }
            out.add(text);
        }
        return out;
    }
}
