package dev.cfcheck.probes.edge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads at most a fixed number of bytes of a response body and decodes them as text. The rest is never
 * read: a huge (or endless, or decompression-bomb) body costs no more than the limit.
 * Public for the other probes that read an edge body (the trace probe).
 */
public final class BoundedBody {

    /** What the edge probe reads of a body: enough for any Cloudflare page (they are under 30 KiB). */
    static final long MAX_BYTES = 256 * 1024;

    private BoundedBody() {
    }

    /**
     * @return the first {@code limit} bytes (or fewer) decoded with the body's charset (UTF-8 by default),
     *         malformed bytes replaced
     * @throws IOException when the connection fails before the body ends or the limit is reached
     */
    public static String read(ResponseBody body, long limit) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() < limit) {
            if (source.read(buffer, limit - buffer.size()) == -1) {
                break;
            }
        }
        return decode(buffer.readByteArray(), charsetOf(body.contentType()));
    }

    private static Charset charsetOf(MediaType type) {
        try {
            return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8; // unknown or unsupported charset name from the server
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8); // unreachable with REPLACE, kept for the compiler
        }
    }
}
