package dev.cfcheck.bot.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * An HTTP/1.1 server (Jetty's core, no servlets) that slow or numerous clients cannot hold.
 *
 * <ul>
 *   <li>Jetty parses request headers without a thread waiting on the socket, so clients that dribble
 *       headers cost a connection, not a worker; the acceptor only accepts and the selector only selects.</li>
 *   <li>Every connection must deliver complete headers within {@link Limits#headerDeadline} of being
 *       opened, and every request must be answered within {@link Limits#requestDeadline} of its headers
 *       (a body that trickles in counts against it), or the connection is closed. Each connection carries
 *       one request ({@code Connection: close}), so these two bound its whole life.</li>
 *   <li>At most {@link Limits#maxInFlight} requests are handled at once; the next one is answered 503 at
 *       once, before its body is read. At most {@link Limits#maxConnections} connections are open; past that
 *       new ones wait in the kernel's backlog.</li>
 * </ul>
 *
 * <p>Unlike the JDK's {@code HttpServer}, whose time limits are JVM-wide system properties read once and
 * which reads headers on a worker thread, these limits belong to this server alone.
 */
public final class BoundedHttpServer implements AutoCloseable {

    /**
     * @param headerDeadline  from connect to complete request headers
     * @param requestDeadline from complete headers to the response written, body included
     * @param idleTimeout     the longest silence on a connection at any point
     * @param maxInFlight     requests handled at once; more are answered 503
     * @param maxConnections  connections open at once; more wait to be accepted
     * @param threads         Jetty's worker threads (one acceptor and one selector included)
     */
    public record Limits(Duration headerDeadline, Duration requestDeadline, Duration idleTimeout,
                         int maxInFlight, int maxConnections, int threads) {

        /**
         * Slack gives up on an ack after 3 s, so a request that takes longer is of no use to anyone. The
         * in-flight bound sits far above what a storm of slash commands needs (each is handled in
         * milliseconds) and keeps buffered bodies to a few MiB at worst.
         */
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 256, 1024, 16);

        /** Jetty leases one acceptor and one selector thread for good; requests need at least two more. */
        static final int MIN_THREADS = 4;

        public Limits {
            positive(headerDeadline, "headerDeadline");
            positive(requestDeadline, "requestDeadline");
            positive(idleTimeout, "idleTimeout");
            if (maxInFlight < 1 || maxConnections < 1 || threads < MIN_THREADS) {
                throw new IllegalArgumentException("maxInFlight and maxConnections must be at least 1, threads at least " + MIN_THREADS);
            }
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final Admission admission;

    private BoundedHttpServer(Server server, ServerConnector connector, Admission admission) {
        this.server = server;
        this.connector = connector;
        this.admission = admission;
    }

    /**
     * Listens on {@code host:port} (an IP literal; port 0 picks a free port) and hands each request that
     * fits the limits to {@code handler}.
     *
     * @param name names the threads
     * @throws IOException when the address cannot be bound
     */
    public static BoundedHttpServer start(String name, String host, int port, Limits limits, Handler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        // Jetty's task queue stays unbounded, as Jetty asks (refusing one of its own tasks can strand a
        // connection); the connection limit bounds it instead, each connection queueing a task or two.
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 2, 30_000, 0, null, null);
        threads.setName(name);
        threads.setDaemon(true);
        Scheduler scheduler = new ScheduledExecutorScheduler(name + "-deadlines", true);
        Server server = new Server(threads, scheduler, null);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(8 * 1024);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(512);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        HeaderDeadline headerDeadline = new HeaderDeadline(scheduler, limits.headerDeadline());
        connector.addBean(headerDeadline);
        Admission admission = new Admission(limits, scheduler, headerDeadline, handler);
        server.setHandler(admission);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("HTTP server did not start: " + e, e);
        }
        return new BoundedHttpServer(server, connector, admission);
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Requests being handled now (admitted, not yet answered). */
    public int inFlight() {
        return admission.inFlight.get();
    }

    /** Stops listening and closes open connections at once (Slack retries nothing we have not acked). */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the threads are daemons and the socket closes with the process.
        }
    }

    /** Closes a connection that has not delivered complete request headers by the deadline. */
    private static final class HeaderDeadline implements Connection.Listener {
        private final Scheduler scheduler;
        private final Duration deadline;
        private final Map<Connection, Scheduler.Task> waiting = new ConcurrentHashMap<>();

        HeaderDeadline(Scheduler scheduler, Duration deadline) {
            this.scheduler = scheduler;
            this.deadline = deadline;
        }

        @Override
        public void onOpened(Connection connection) {
            waiting.put(connection, scheduler.schedule(() -> {
                if (waiting.remove(connection) != null) {
                    connection.getEndPoint().close();
                }
            }, deadline));
        }

        @Override
        public void onClosed(Connection connection) {
            arrived(connection);
        }

        void arrived(Connection connection) {
            Scheduler.Task alarm = waiting.remove(connection);
            if (alarm != null) {
                alarm.cancel();
            }
        }
    }

    /** Admits a request (or answers 503), makes it the connection's last, and holds it to its deadline. */
    private static final class Admission extends Handler.Wrapper {
        private final Limits limits;
        private final Scheduler scheduler;
        private final HeaderDeadline headerDeadline;
        private final AtomicInteger inFlight = new AtomicInteger();

        Admission(Limits limits, Scheduler scheduler, HeaderDeadline headerDeadline, Handler handler) {
            super(handler);
            this.limits = limits;
            this.scheduler = scheduler;
            this.headerDeadline = headerDeadline;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Connection connection = request.getConnectionMetaData().getConnection();
            headerDeadline.arrived(connection);
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            if (inFlight.incrementAndGet() > limits.maxInFlight()) {
                inFlight.decrementAndGet();
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                plain(response, 503, "busy, retry\n", callback);
                return true;
            }
            Scheduler.Task alarm = scheduler.schedule(() -> connection.getEndPoint().close(), limits.requestDeadline());
            Callback done = new Done(callback, () -> {
                alarm.cancel();
                inFlight.decrementAndGet();
            });
            try {
                if (!super.handle(request, response, done)) {
                    plain(response, 404, "not found\n", done);
                }
            } catch (Exception | Error e) {
                done.failed(e);
            }
            return true;
        }
    }

    /** Writes a short plain-text answer as the whole response. */
    public static void plain(Response response, int status, String text, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, text, callback);
    }

    /** Completes the handler's callback once and runs {@code release} once, however the request ends. */
    private static final class Done implements Callback {
        private final Callback callback;
        private final Runnable release;
        private final AtomicBoolean ended = new AtomicBoolean();

        Done(Callback callback, Runnable release) {
            this.callback = callback;
            this.release = release;
        }

        @Override
        public void succeeded() {
            if (ended.compareAndSet(false, true)) {
                release.run();
                callback.succeeded();
            }
        }

        @Override
        public void failed(Throwable x) {
            if (ended.compareAndSet(false, true)) {
                release.run();
                callback.failed(x);
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
