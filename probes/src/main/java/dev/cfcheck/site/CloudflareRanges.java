package dev.cfcheck.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloudflare's published IP ranges: an address inside them means the DNS record is proxied ("orange
 * cloud") and the edge answers for the site. A copy is bundled (from cloudflare.com/ips-v4 and ips-v6);
 * {@code --cloudflare-ranges FILE} replaces it, and tests use a file with 127.0.0.0/8 so that a loopback
 * server plays the edge.
 */
public final class CloudflareRanges {

    private static final String V4_RESOURCE = "ips-v4.txt";
    private static final String V6_RESOURCE = "ips-v6.txt";
    /** Far above any real list; stops a wrong file (a log, a disk image) from being read whole. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    /** The date a list was taken, as its header comment says ("taken 2026-08-22", "fetched 2026-12-07"). */
    private static final Pattern DATE = Pattern.compile("(?:taken|fetched)\\s+(\\d{4}-\\d{2}-\\d{2})");

    // After DATE: static fields initialise in order, and loading the bundled copy reads its date.
    private static final CloudflareRanges BUNDLED = loadBundled();

    private final List<Cidr> cidrs;
    private final String source;
    private final String date;

    private CloudflareRanges(List<Cidr> cidrs, String source, String date) {
        this.cidrs = List.copyOf(cidrs);
        this.source = source;
        this.date = date;
    }

    public static CloudflareRanges of(List<Cidr> cidrs) {
        return new CloudflareRanges(cidrs, "given list", null);
    }

    /** The day the list was taken from Cloudflare, from its header comment; {@code null} when it does not say. */
    public String date() {
        return date;
    }

    /** Where the list came from and when: "bundled copy of 2026-08-22", "ranges.txt of 2026-12-07". */
    public String describe() {
        return source + (date == null ? " (undated)" : " of " + date);
    }

    /** The copy shipped in the jar. */
    public static CloudflareRanges bundled() {
        return BUNDLED;
    }

    /**
     * Reads a ranges file: one CIDR a line, blank lines and {@code #} comments (whole-line or trailing) allowed.
     *
     * @throws BadInputException naming the file and the first bad line, or why the file cannot be read
     */
    public static CloudflareRanges load(Path file) {
        String name = Excerpt.quoted(String.valueOf(file.getFileName()));
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException("Cloudflare ranges file " + name + " is a directory");
            }
            byte[] bytes;
            // Read at most the limit, whatever the size says: /dev/zero or a pipe reports 0 and never ends.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new BadInputException("Cloudflare ranges file " + name + " is over 1 MiB: not a CIDR list");
            }
            List<Cidr> cidrs = parse(name, new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (cidrs.isEmpty()) {
                throw new BadInputException("Cloudflare ranges file " + name + " has no ranges in it");
            }
            return new CloudflareRanges(cidrs, name, dateIn(new String(bytes, StandardCharsets.UTF_8).lines().toList()));
        } catch (NoSuchFileException e) {
            throw new BadInputException("Cloudflare ranges file " + name + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read Cloudflare ranges file " + name + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** True when the address is inside one of the ranges. */
    public boolean contains(InetAddress address) {
        for (Cidr cidr : cidrs) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public List<Cidr> cidrs() {
        return cidrs;
    }

    @Override
    public String toString() {
        return "CloudflareRanges" + cidrs;
    }

    private static List<Cidr> parse(String sourceName, List<String> lines) {
        List<Cidr> cidrs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (content.isEmpty()) {
                continue;
            }
            try {
                cidrs.add(Cidr.parse(content));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Cloudflare ranges file " + sourceName + " line " + (i + 1) + ": "
                        + Excerpt.quoted(content) + " is not a CIDR (" + e.getMessage() + ")");
            }
        }
        return cidrs;
    }

    private static CloudflareRanges loadBundled() {
        List<Cidr> cidrs = new ArrayList<>();
        String date = null;
        for (String resource : List.of(V4_RESOURCE, V6_RESOURCE)) {
            try (InputStream in = CloudflareRanges.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled resource " + resource + " is missing from the jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String> lines = reader.lines().toList();
                cidrs.addAll(parse(resource, lines));
                date = date == null ? dateIn(lines) : date;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CloudflareRanges(cidrs, "bundled copy", date);
    }

    /** The first date a header comment gives for the list, or {@code null}. */
    private static String dateIn(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("#")) {
                Matcher m = DATE.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
