package dev.cfcheck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * What a hostile server answers, for {@link TlsTestServer.Builder#reply} and {@link PlainHttpServer#replying}: huge,
 * endless, slow, compressed to explode, redirecting forever or inwards, full of control bytes, invalid UTF-8 and
 * chat mentions. The big ones are written as they stream (the server holds 64 KiB at most) and end when the
 * client goes away. See {@link HostileCase} for the catalogue and {@code docs/hostile-origins.md} for the verdicts.
 */
public enum HostileReply implements ServerReply {

    /** 200 with {@code Content-Length: 1073741824}, and the whole GiB streamed. */
    GIANT_BODY {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + "Content-Length: " + GIB + "\r\n\r\n"));
            fill(out, GIB);
        }
    },
    /** 200 whose body has no length: 50 MiB, then the connection closes. */
    CLOSE_DELIMITED_BODY {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + "Connection: close\r\n\r\n"));
            fill(out, 50L * MIB);
        }
    },
    /** 200 with one header line of 100 KiB (Cloudflare refuses an origin's headers past 16 KB with a 520). */
    LONG_HEADER_LINE {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\nX-Long: " + "a".repeat(100 * 1024)
                    + "\r\nContent-Length: 2\r\n\r\nok"));
        }
    },
    /** 200 with 10,000 header lines (about 200 KiB). */
    MANY_HEADERS {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nServer: hostile-test\r\n");
            for (int i = 0; i < 10_000; i++) {
                head.append("X-Hostile-").append(i).append(": ").append(i).append("\r\n");
            }
            out.write(ascii(head.append("Content-Length: 2\r\n\r\nok").toString()));
        }
    },
    /** The status line, then header lines as fast as the client takes them, without end. */
    ENDLESS_HEADERS {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\n"));
            while (true) {
                out.write(HEADER_LINES);
            }
        }
    },
    /** The status line, then a header line that grows by one byte a second and never ends. */
    TRICKLING_HEADERS {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\nX-Trickle: "));
            out.flush();
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped trickling");
                }
                out.write('a');
                out.flush();
            }
        }
    },
    /** 200, {@code Content-Encoding: gzip}, whose 4 MiB or so of gzip expand to 4 GiB of zeros. */
    GZIP_BOMB {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 200 OK\r\nServer: hostile-test\r\nContent-Type: text/html\r\n"
                    + "Content-Encoding: gzip\r\nConnection: close\r\n\r\n"));
            GzipBomb.writeTo(out);
        }
    },
    /** A status line that is not one: escape sequences, NUL, a bidi override and invalid UTF-8 around the code. */
    CONTROL_BYTES_IN_STATUS_LINE {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(concat(ascii("HTTP/1.1 \u001b[31m200\u0000 "), utf8("\u202eKO\u200b "), INVALID_UTF8,
                    ascii("\r\nServer: hostile-test\r\nContent-Length: 2\r\n\r\nok")));
        }
    },
    /**
     * Cloudflare's 522 (so its page title is read) with control bytes, a bare CR, bidi and zero-width characters
     * and invalid UTF-8 in the reason phrase, the {@code Server} and {@code cf-cache-status} headers and the title,
     * raw and as character references.
     */
    CONTROL_BYTES_IN_HEADERS_AND_TITLE {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] body = concat(utf8("<!DOCTYPE html><html><head><title>\u001b]0;owned\u0007 522 \u202eevil\u202c"
                    + " \u200bzero\u2066 &#x202e;&#27;&#0;&#x200b; "), INVALID_UTF8,
                    utf8(" title\r\nsecond line</title></head><body><h1>Connection timed out</h1></body></html>"));
            out.write(concat(
                    ascii("HTTP/1.1 522 Origin\u001b[2J Connection\u0007 Timed Out\r\n"),
                    utf8("Server: cloudflare\u001b[31m\u202e\u0000 \u200b\rX-Injected: 1 "), INVALID_UTF8,
                    ascii("\r\nCF-RAY: " + LoopbackSite.CF_RAY + "\r\n"),
                    ascii("cf-cache-status: \u001b]0;owned\u0007MISS\r\n"),
                    ascii("Content-Type: text/html; charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n"),
                    body));
        }
    },
    /**
     * Cloudflare's 520 whose {@code Server} header and page title carry Slack and Discord mention syntax, links and
     * markup (the title's as character references, which survive tag stripping).
     */
    MENTIONS {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] body = utf8("<html><head><title>&lt;!channel&gt; &lt;!here&gt; @everyone @here &lt;@U123&gt;"
                    + " &lt;#C123&gt; &lt;https://evil.example|click&gt; [click](https://evil.example) `code` *bold*"
                    + " &lt;@&amp;123456789012345678&gt; ||spoiler||</title></head><body>520</body></html>");
            out.write(concat(
                    utf8("HTTP/1.1 520 \r\nServer: cloudflare " + MENTION_SYNTAX + "\r\nCF-RAY: " + LoopbackSite.CF_RAY + "\r\n"
                            + "Content-Type: text/html; charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n"),
                    body));
        }
    },
    /** 302 to a new URL every time (a counter and 4 KiB of padding in the path): a chain that never comes back. */
    ENDLESS_REDIRECTS {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 302 Found\r\nServer: cloudflare\r\nCF-RAY: " + LoopbackSite.CF_RAY + "\r\n"
                    + "Location: /hop/" + HOPS.incrementAndGet() + "/" + "p".repeat(4096) + "\r\n"
                    + CLOSE_AFTER_EMPTY_BODY));
        }
    },
    /** 302 to the cloud metadata address. */
    REDIRECT_TO_METADATA {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 302 Found\r\nServer: cloudflare\r\nCF-RAY: " + LoopbackSite.CF_RAY + "\r\n"
                    + "Location: http://169.254.169.254/latest/meta-data/\r\n" + CLOSE_AFTER_EMPTY_BODY));
        }
    },
    /** 302 to {@link #PRIVATE_HOST}, a name that resolves to 10.0.0.1 ({@link HostileSite} adds the record). */
    REDIRECT_TO_PRIVATE_NAME {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(ascii("HTTP/1.1 302 Found\r\nServer: cloudflare\r\nCF-RAY: " + LoopbackSite.CF_RAY + "\r\n"
                    + "Location: https://" + PRIVATE_HOST + "/admin\r\n" + CLOSE_AFTER_EMPTY_BODY));
        }
    };

    /** The host {@link #REDIRECT_TO_PRIVATE_NAME} leads to, and its address. */
    public static final String PRIVATE_HOST = "intranet.example.test";
    public static final String PRIVATE_ADDRESS = "10.0.0.1";
    /** What {@link #MENTIONS} puts in {@code Server}: every way Slack and Discord could be made to ping or link. */
    public static final String MENTION_SYNTAX = "<!channel> <!here> <!everyone> @everyone @here <@U123> <#C123>"
            + " <@&123456789012345678> <https://evil.example|click> [click](https://evil.example)";

    /**
     * The end of a redirect's head: the server closes after each reply and says so, or the client would send the next
     * hop on a connection the server has closed (see docs/hostile-origins.md).
     */
    private static final String CLOSE_AFTER_EMPTY_BODY = "Content-Length: 0\r\nConnection: close\r\n\r\n";
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    /** A lone continuation byte, a truncated two-byte sequence, an overlong NUL and bytes UTF-8 never uses. */
    private static final byte[] INVALID_UTF8 = {(byte) 0x80, (byte) 0xc3, ' ', (byte) 0xc0, (byte) 0x80, (byte) 0xfe, (byte) 0xff};
    private static final AtomicLong HOPS = new AtomicLong();
    private static final byte[] FILLER = filler();
    /** 64 KiB or so of {@code X-Endless: ...} lines. */
    private static final byte[] HEADER_LINES = ascii(("X-Endless: " + "e".repeat(50) + "\r\n").repeat(1024));

    /** Writes {@code length} bytes of HTML-ish filler, 64 KiB at a time. */
    private static void fill(OutputStream out, long length) throws IOException {
        for (long left = length; left > 0; left -= FILLER.length) {
            out.write(FILLER, 0, (int) Math.min(left, FILLER.length));
        }
    }

    private static byte[] filler() {
        byte[] line = ascii("<p>hostile filler, streamed and never held</p>\n");
        byte[] out = new byte[64 * 1024];
        for (int i = 0; i < out.length; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * A gzip member of {@link #SEGMENTS} × 8 MiB of zeros, made of one deflated segment repeated: each segment ends
     * with a sync flush and refers back only to zeros, so the copies chain into one valid stream. The trailer's
     * CRC is computed only if a client reads that far.
     */
    private static final class GzipBomb {
        private static final int SEGMENT = 8 * 1024 * 1024;
        private static final int SEGMENTS = 512;
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        /** A final, empty fixed-Huffman block. */
        private static final byte[] LAST_BLOCK = {3, 0};
        private static final byte[] DEFLATED_SEGMENT = deflatedZeros();

        static void writeTo(OutputStream out) throws IOException {
            out.write(HEADER);
            for (int i = 0; i < SEGMENTS; i++) {
                out.write(DEFLATED_SEGMENT);
            }
            out.write(LAST_BLOCK);
            out.write(trailer());
        }

        private static byte[] deflatedZeros() {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(new byte[SEGMENT]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            deflater.end();
            return out.toByteArray();
        }

        private static byte[] trailer() {
            CRC32 crc = new CRC32();
            byte[] zeros = new byte[SEGMENT];
            for (int i = 0; i < SEGMENTS; i++) {
                crc.update(zeros);
            }
            long size = (long) SEGMENT * SEGMENTS;
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) crc.getValue()).putInt((int) size).array();
        }
    }
}
