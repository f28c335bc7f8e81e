package dev.cfcheck.bot.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body of at most {@code max} bytes without a thread waiting while it trickles in (Jetty
 * calls back when more has arrived). A longer body fails with {@link TooLarge} as soon as the limit is
 * passed: nothing beyond {@code max} bytes is ever kept, whatever the client declared or sends.
 */
public final class BoundedBody implements Runnable {

    /** The body is longer than allowed; what was read so far is dropped. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(int max) {
            super("request body over " + max + " bytes", null, false, false);
        }
    }

    private final Content.Source source;
    private final int max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] bytes = new byte[0];
    private int length;

    private BoundedBody(Content.Source source, int max) {
        this.source = source;
        this.max = max;
    }

    /** The whole body, or a failure: {@link TooLarge}, or the connection's own (closed, timed out). */
    public static CompletableFuture<byte[]> read(Content.Source source, int max) {
        BoundedBody body = new BoundedBody(source, max);
        body.run();
        return body.result;
    }

    /** Reads what has arrived; asks to be called again when there is more. */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    result.completeExceptionally(chunk.getFailure());
                    return;
                }
                if (!append(chunk.getByteBuffer())) {
                    bytes = null;
                    result.completeExceptionally(new TooLarge(max));
                    return;
                }
                if (chunk.isLast()) {
                    result.complete(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
                    return;
                }
            } finally {
                chunk.release();
            }
        }
    }

    private boolean append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (n > max - length) {
            return false;
        }
        if (length + n > bytes.length) {
            // Doubling from the first chunk's size: a few copies at most, never past max.
            bytes = Arrays.copyOf(bytes, Math.min(max, Math.max(length + n, bytes.length * 2)));
        }
        buffer.get(bytes, length, n);
        length += n;
        return true;
    }
}
