package dev.cfcheck.probes.dns;

import dev.cfcheck.probes.DaemonThreads;
import dev.cfcheck.probes.Deadline;
import dev.cfcheck.site.IpLiteral;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Sends one question to the resolver with dnsjava's {@link SimpleResolver} (UDP, then TCP when the answer
 * is truncated) and reads the rcode from the reply, which {@code Lookup} would fold into TRY_AGAIN.
 * The returned future always completes normally, and no later than the deadline (or the per-query cap).
 */
final class DnsQuery {

    /**
     * What came back.
     *
     * @param status  OK for NOERROR (with or without records: the caller tells NODATA), else the failure
     * @param message the reply, or {@code null} when there was none
     * @param detail  one line on a failure, or {@code null}
     */
    record Reply(DnsStatus status, Message message, String detail) {
    }

    /**
     * Where dnsjava parses replies and our continuations run. Without it dnsjava uses the common
     * ForkJoinPool, which on a machine with two cores starts a new thread for every task. Nothing run here
     * blocks, so two threads are plenty; they go away when idle.
     */
    private static final Executor CALLBACKS = callbackExecutor();

    private final InetSocketAddress resolver;
    private final Duration perQueryCap;

    DnsQuery(InetSocketAddress resolver, Duration perQueryCap) {
        this.resolver = resolver;
        this.perQueryCap = perQueryCap;
    }

    String resolverText() {
        return IpLiteral.withPort(resolver.getAddress(), resolver.getPort());
    }

    CompletableFuture<Reply> send(Name name, int type, Deadline deadline) {
        Duration timeout = deadline.capped(perQueryCap);
        String question = Type.string(type) + " " + name.toString(true);
        if (timeout.isZero()) {
            return CompletableFuture.completedFuture(
                    new Reply(DnsStatus.TIMEOUT, null, "the check's deadline ended before " + question + " was asked"));
        }
        SimpleResolver simple = new SimpleResolver(resolver);
        simple.setTimeout(timeout);
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        Reply timedOut = new Reply(DnsStatus.TIMEOUT, null,
                "no answer from " + resolverText() + " to " + question + " within " + timeout.toMillis() + " ms");
        return simple.sendAsync(query, CALLBACKS).toCompletableFuture()
                .handle((reply, error) -> error == null ? classify(reply, question) : failure(error, timedOut))
                // dnsjava times out itself; this makes sure a TCP retry cannot take us past the deadline either.
                .completeOnTimeout(timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Executor callbackExecutor() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DaemonThreads("cfcheck-dns-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private Reply classify(Message reply, String question) {
        int rcode = reply.getRcode();
        switch (rcode) {
            case Rcode.NOERROR:
                return new Reply(DnsStatus.OK, reply, null);
            case Rcode.NXDOMAIN:
                return new Reply(DnsStatus.NXDOMAIN, reply, null);
            case Rcode.SERVFAIL:
                return new Reply(DnsStatus.SERVFAIL, reply,
                        resolverText() + " answered SERVFAIL to " + question + " (the resolver could not get an answer)");
            case Rcode.REFUSED:
                return new Reply(DnsStatus.REFUSED, reply,
                        resolverText() + " answered REFUSED to " + question + " (it will not resolve this for us)");
            default:
                return new Reply(DnsStatus.ERROR, reply,
                        resolverText() + " answered " + Rcode.string(rcode) + " to " + question);
        }
    }

    private Reply failure(Throwable error, Reply timedOut) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return timedOut;
        }
        if (cause instanceof PortUnreachableException) {
            return new Reply(DnsStatus.ERROR, null, "resolver " + resolverText() + " is not listening (port unreachable)");
        }
        if (cause instanceof IOException) {
            return new Reply(DnsStatus.ERROR, null, "cannot query resolver " + resolverText() + ": "
                    + cause.getClass().getSimpleName());
        }
        return new Reply(DnsStatus.ERROR, null, "DNS query failed: " + cause.getClass().getSimpleName());
    }
}
