package dev.cfcheck.probes.origin;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.OneLine;
import dev.cfcheck.site.OriginEndpoint;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One origin address tried directly, bypassing Cloudflare: TCP connects to 443 and 80 at the same time
 * (or only to the explicit port), then a GET of the path over whichever works, https first. The TLS
 * certificate is judged separately by {@code TlsProbe}.
 *
 * <p>What the checker reads from the result: a port {@code TIMEOUT} is an unanswered SYN (522), {@code
 * REFUSED} a RST (521), {@code UNREACHABLE} no route (523); an {@link OriginHttp} failure of kind
 * {@code TIMEOUT} means the origin accepted the connection and sent nothing before the deadline (524),
 * {@code TLS_TIMEOUT} that its TLS handshake stalled (525), {@code BROKEN_REPLY} that its reply was empty or
 * broke off (520).
 */
public final class OriginProbe {
    public static final int HTTPS_PORT = 443;
    public static final int HTTP_PORT = 80;
    /** How long past the deadline a connect task may be waited for: each one already stops at the deadline. */
    private static final long GRACE_MS = 250;

    private final Executor executor;
    private final TcpProbe tcp;
    private final OriginHttpProbe http;
    private final int httpsPort;
    private final int httpPort;

    /** @param executor runs the port connects concurrently; a small bounded pool owned by the caller */
    public OriginProbe(Executor executor) {
        this(executor, new TcpProbe(), new OriginHttpProbe());
    }

    public OriginProbe(Executor executor, TcpProbe tcp, OriginHttpProbe http) {
        this(executor, tcp, http, HTTPS_PORT, HTTP_PORT);
    }

    /** @param ports where an origin given without a port is tried: tests play 443 and 80 on unprivileged loopback ports */
    public OriginProbe(Executor executor, TcpProbe tcp, OriginHttpProbe http, OriginPorts ports) {
        this(executor, tcp, http, ports.https(), ports.http());
    }

    /** Other default ports, so that tests can play 443 and 80 on unprivileged loopback ports. */
    OriginProbe(Executor executor, TcpProbe tcp, OriginHttpProbe http, int httpsPort, int httpPort) {
        this.executor = executor;
        this.tcp = tcp;
        this.http = http;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    /**
     * Probes {@code endpoint} as {@code host}. Never blocks past the deadline (plus a fraction of a second
     * should the executor be saturated, in which case the late port is reported as not tried).
     */
    public OriginResult run(String host, String path, OriginEndpoint endpoint, Deadline deadline) {
        InetAddress address = endpoint.address();
        List<Integer> ports = endpoint.port() == null ? List.of(httpsPort, httpPort) : List.of(endpoint.port());
        List<PortCheck> checks = connectAll(address, ports, deadline);
        return new OriginResult(endpoint.ip(), checks, request(host, path, address, checks, deadline));
    }

    private List<PortCheck> connectAll(InetAddress address, List<Integer> ports, Deadline deadline) {
        List<FutureTask<PortCheck>> tasks = new ArrayList<>();
        for (int port : ports.subList(1, ports.size())) {
            FutureTask<PortCheck> task = new FutureTask<>(() -> tcp.connect(address, port, deadline));
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // a full pool costs concurrency, not the result
            }
            tasks.add(task);
        }
        List<PortCheck> checks = new ArrayList<>();
        checks.add(tcp.connect(address, ports.get(0), deadline)); // the first port on this thread
        for (int i = 0; i < tasks.size(); i++) {
            checks.add(await(tasks.get(i), ports.get(i + 1), deadline));
        }
        return checks;
    }

    private static PortCheck await(FutureTask<PortCheck> task, int port, Deadline deadline) {
        try {
            return task.get(deadline.remaining().toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new PortCheck(port, TcpState.TIMEOUT, 0, "not tried before the check's deadline (busy)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return new PortCheck(port, TcpState.TIMEOUT, 0, "interrupted");
        } catch (ExecutionException e) {
            return new PortCheck(port, TcpState.UNREACHABLE, 0, OneLine.of(e.getCause()));
        }
    }

    /**
     * https where TLS may work, else http: on 443 (or an explicit port other than 80) https first, then,
     * when its handshake fails, plain http on 80 (or on the same explicit port, which shows what a
     * plain-HTTP "TLS" port answers).
     */
    private OriginHttp request(String host, String path, InetAddress address, List<PortCheck> checks, Deadline deadline) {
        if (checks.size() == 1) {
            PortCheck only = checks.get(0);
            if (only.state() != TcpState.CONNECTED) {
                return null;
            }
            if (only.port() == HTTP_PORT) {
                return http.get(host, path, address, only.port(), false, deadline);
            }
            OriginHttp https = http.get(host, path, address, only.port(), true, deadline);
            return tlsFailed(https) && !deadline.expired() ? http.get(host, path, address, only.port(), false, deadline) : https;
        }
        boolean httpsOpen = checks.get(0).state() == TcpState.CONNECTED;
        boolean httpOpen = checks.get(1).state() == TcpState.CONNECTED;
        if (httpsOpen) {
            OriginHttp https = http.get(host, path, address, httpsPort, true, deadline);
            if (!(tlsFailed(https) && httpOpen && !deadline.expired())) {
                return https;
            }
        }
        return httpOpen ? http.get(host, path, address, httpPort, false, deadline) : null;
    }

    /** The handshake failed or stalled: plain http may still answer. */
    private static boolean tlsFailed(OriginHttp result) {
        return result.failure() != null
                && (result.failure().kind() == Failure.Kind.TLS || result.failure().kind() == Failure.Kind.TLS_TIMEOUT);
    }
}
