package dev.cfcheck.bot.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends prepared HTTP/1.1 requests all at once, each on its own connection, from one thread over non-blocking
 * sockets: a client that takes next to nothing from the machine it measures (the JDK's HttpClient spent a fifth
 * of a storm's CPU on its own side). Requests must say {@code Connection: close}; an answer is read to its
 * {@code Content-Length} (or to the end of the connection).
 */
final class LoopbackPosts {

    /** The answer to one request: its status (-1 when none came) and body, and the time from its connect. */
    record Answer(int status, String body, long nanos) {
    }

    private LoopbackPosts() {
    }

    /** Sends every request to {@code server} at once and waits up to {@code limit} for all the answers. */
    static List<Answer> sendAll(InetSocketAddress server, List<byte[]> requests, Duration limit) throws IOException {
        List<Exchange> exchanges = new ArrayList<>(requests.size());
        long end = System.nanoTime() + limit.toNanos();
        try (Selector selector = Selector.open()) {
            for (byte[] request : requests) {
                Exchange exchange = new Exchange(request);
                exchanges.add(exchange);
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                exchange.channel = channel;
                exchange.start = System.nanoTime();
                channel.register(selector, channel.connect(server) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, exchange);
            }
            int open = exchanges.size();
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            while (open > 0 && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (step((Exchange) key.attachment(), key, buffer)) {
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Exchange exchange : exchanges) {
                if (exchange.channel != null) {
                    exchange.channel.close();
                }
            }
        }
        return exchanges.stream().map(Exchange::answer).toList();
    }

    /** Moves one exchange on; true when it has just ended (answered or failed). */
    private static boolean step(Exchange exchange, SelectionKey key, ByteBuffer buffer) {
        try {
            if (key.isConnectable()) {
                exchange.channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                exchange.channel.write(exchange.request);
                if (!exchange.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                buffer.clear();
                int n = exchange.channel.read(buffer);
                if (n > 0) {
                    exchange.received.write(buffer.array(), 0, n);
                }
                if (n < 0 || exchange.complete()) {
                    exchange.finish();
                    key.cancel();
                    return true;
                }
            }
        } catch (IOException e) {
            exchange.finish();
            key.cancel();
            return true;
        }
        return false;
    }

    private static final class Exchange {
        final ByteBuffer request;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        SocketChannel channel;
        long start;
        long nanos = -1;

        Exchange(byte[] request) {
            this.request = ByteBuffer.wrap(request);
        }

        void finish() {
            nanos = System.nanoTime() - start;
        }

        /** The headers are in and the body is as long as they say. */
        boolean complete() {
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                return false;
            }
            int length = contentLength(text.substring(0, headersEnd));
            return length >= 0 && text.length() - headersEnd - 4 >= length;
        }

        Answer answer() {
            String text = received.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (nanos < 0 || headersEnd < 0 || !text.startsWith("HTTP/1.1 ")) {
                return new Answer(-1, "no answer", nanos < 0 ? System.nanoTime() - start : nanos);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text.substring(headersEnd + 4), nanos);
        }

        private static int contentLength(String headers) {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            return -1;
        }
    }
}
