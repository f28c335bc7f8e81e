package dev.cfcheck.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real DNS server on 127.0.0.1, UDP and TCP on one random port, answering from records a test sets.
 * Point {@code DnsProbe} (or {@code cfcheck check --dns}) at {@link #address()}.
 *
 * <p>It behaves like a recursive resolver that holds every zone itself:
 * <ul>
 *   <li>{@link #a}, {@link #aaaa}, {@link #cname} add records; CNAMEs are followed inside its own data
 *       (at most 8 hops, stopping at a loop) unless {@link #chaseCnames(boolean) chaseCnames(false)}, which
 *       makes it answer like an authoritative server that only returns the CNAME.</li>
 *   <li>{@link #ns} makes a zone: NS records plus an SOA at its apex, so negative answers for names below it
 *       carry that SOA in the authority section, as real resolvers' do.</li>
 *   <li>A name with no records is NXDOMAIN, unless some name below it has records (then NODATA).</li>
 *   <li>{@link #rcode} answers a name with a fixed rcode (SERVFAIL, REFUSED...); {@link #silent} never
 *       answers it, so the client times out. Both also apply when a CNAME chain reaches that name.</li>
 *   <li>UDP answers longer than 512 bytes (or the client's EDNS size) are truncated with TC set, so the
 *       client retries over TCP, as with a real server.</li>
 * </ul>
 * Every query is logged ({@link #queries()}). Records may be changed while it runs; all methods are
 * thread-safe. Use it in try-with-resources: {@link #close()} stops both listeners and their threads.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    /** One query as received. */
    public record Query(String name, String type, String transport) {
    }

    private static final long TTL = 60;
    private static final int MAX_CNAME_HOPS = 8;
    private static final int TCP_READ_TIMEOUT_MS = 10_000;

    private final Object lock = new Object();
    private final Map<Name, Map<Integer, List<Record>>> records = new HashMap<>();
    private final Map<Name, Integer> rcodes = new HashMap<>();
    private final Set<Name> silentNames = new HashSet<>();
    private final Set<Name> zones = new HashSet<>();
    private boolean chaseCnames = true;

    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads;
    private final Set<Socket> tcpClients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LoopbackDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        AtomicInteger n = new AtomicInteger();
        // UDP loop + TCP accept loop + a few TCP connections; tests never need more.
        this.threads = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "loopback-dns-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::serveUdp);
        threads.execute(this::acceptTcp);
    }

    /** Starts a server on 127.0.0.1 with a random port free for both UDP and TCP. */
    public static LoopbackDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket tcp = new ServerSocket(0, 50, loopback);
            try {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
                return new LoopbackDnsServer(udp, tcp);
            } catch (BindException e) {
                // That port is taken for UDP by someone else: try another.
                tcp.close();
                last = e;
            }
        }
        throw last;
    }

    /** The address to send queries to. */
    public InetSocketAddress address() {
        return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
    }

    /** Adds A records for {@code name}. */
    public LoopbackDnsServer a(String name, String... ipv4) {
        for (String ip : ipv4) {
            add(new ARecord(name(name), DClass.IN, TTL, literal(ip, Address.IPv4)));
        }
        return this;
    }

    /** Adds AAAA records for {@code name}. */
    public LoopbackDnsServer aaaa(String name, String... ipv6) {
        for (String ip : ipv6) {
            add(new AAAARecord(name(name), DClass.IN, TTL, literal(ip, Address.IPv6)));
        }
        return this;
    }

    /** Makes {@code name} an alias of {@code target} (replacing any earlier CNAME of that name). */
    public LoopbackDnsServer cname(String name, String target) {
        Name owner = name(name);
        synchronized (lock) {
            records.computeIfAbsent(owner, k -> new LinkedHashMap<>()).remove(Type.CNAME);
        }
        add(new CNAMERecord(owner, DClass.IN, TTL, name(target)));
        return this;
    }

    /** Makes {@code zone} a zone with these name servers, and an SOA naming the first one. */
    public LoopbackDnsServer ns(String zone, String... nameservers) {
        Name apex = name(zone);
        synchronized (lock) {
            zones.add(apex);
            Map<Integer, List<Record>> byType = records.computeIfAbsent(apex, k -> new LinkedHashMap<>());
            byType.remove(Type.NS);
            byType.remove(Type.SOA);
        }
        for (String ns : nameservers) {
            add(new NSRecord(apex, DClass.IN, TTL, name(ns)));
        }
        Name primary = nameservers.length > 0 ? name(nameservers[0]) : apex;
        add(new SOARecord(apex, DClass.IN, TTL, primary, hostmaster(apex), 1, 3600, 600, 86400, TTL));
        return this;
    }

    /** Answers every query for {@code name} with this rcode, e.g. {@code Rcode.SERVFAIL}. */
    public LoopbackDnsServer rcode(String name, int rcode) {
        synchronized (lock) {
            rcodes.put(name(name), rcode);
        }
        return this;
    }

    /** Never answers queries for {@code name}: the client times out. */
    public LoopbackDnsServer silent(String name) {
        synchronized (lock) {
            silentNames.add(name(name));
        }
        return this;
    }

    /** Whether CNAMEs are followed inside the server's data (true by default, like a recursive resolver). */
    public LoopbackDnsServer chaseCnames(boolean chase) {
        synchronized (lock) {
            chaseCnames = chase;
        }
        return this;
    }

    /** Every query received so far, in order. */
    public List<Query> queries() {
        return List.copyOf(queries);
    }

    public int queryCount() {
        return queries.size();
    }

    /** Queries for this name (case-insensitive, trailing dot optional) and type name ("A", "NS"...). */
    public long queryCount(String name, String type) {
        String n = normalise(name);
        return queries.stream().filter(q -> q.name().equals(n) && q.type().equals(type)).count();
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Closing is best effort; the accept loop ends either way.
        }
        for (Socket s : tcpClients) {
            closeQuietly(s);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = respond(query, "udp");
                if (response == null) {
                    continue;
                }
                OPTRecord opt = query.getOPT();
                int limit = opt == null ? 512 : Math.max(512, Math.min(opt.getPayloadSize(), 4096));
                byte[] wire = response.toWire(limit);
                udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // A malformed packet: ignore it, as a real server would, and keep serving.
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket client = tcp.accept();
                tcpClients.add(client);
                threads.execute(() -> serveTcp(client));
            } catch (IOException e) {
                return; // closed
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }

    private void serveTcp(Socket client) {
        try (client) {
            client.setSoTimeout(TCP_READ_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (!closed) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] wire = new byte[length];
                in.readFully(wire);
                Message response = respond(new Message(wire), "tcp");
                if (response == null) {
                    continue;
                }
                byte[] answer = response.toWire();
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // Client went away or sent garbage: drop the connection.
        } finally {
            tcpClients.remove(client);
        }
    }

    /** The answer to a query, or {@code null} to stay silent. */
    private Message respond(Message query, String transport) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
            return response;
        }
        queries.add(new Query(normalise(question.getName().toString()), Type.string(question.getType()), transport));
        response.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        int type = question.getType();
        synchronized (lock) {
            Name current = question.getName();
            Set<Name> seen = new HashSet<>(List.of(current));
            for (int hop = 0; ; hop++) {
                if (silentNames.contains(current)) {
                    return null;
                }
                Integer rcode = rcodes.get(current);
                if (rcode != null) {
                    response.getHeader().setRcode(rcode);
                    return response;
                }
                Map<Integer, List<Record>> byType = records.get(current);
                List<Record> alias = byType == null ? null : byType.get(Type.CNAME);
                if (alias != null && type != Type.CNAME) {
                    response.addRecord(alias.get(0), Section.ANSWER);
                    Name target = ((CNAMERecord) alias.get(0)).getTarget();
                    if (!chaseCnames || !seen.add(target) || hop + 1 >= MAX_CNAME_HOPS) {
                        return response;
                    }
                    current = target;
                    continue;
                }
                List<Record> matching = byType == null ? null : byType.get(type);
                if (matching != null) {
                    matching.forEach(r -> response.addRecord(r, Section.ANSWER));
                    return response;
                }
                if (byType == null && !hasNamesBelow(current)) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                Name zone = enclosingZone(current);
                if (zone != null) {
                    response.addRecord(records.get(zone).get(Type.SOA).get(0), Section.AUTHORITY);
                }
                return response;
            }
        }
    }

    private boolean hasNamesBelow(Name name) {
        for (Name other : records.keySet()) {
            if (!other.equals(name) && other.subdomain(name)) {
                return true;
            }
        }
        return false;
    }

    private Name enclosingZone(Name name) {
        Name best = null;
        for (Name zone : zones) {
            if (name.subdomain(zone) && (best == null || zone.labels() > best.labels())) {
                best = zone;
            }
        }
        return best;
    }

    private void add(Record record) {
        synchronized (lock) {
            records.computeIfAbsent(record.getName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(record.getType(), k -> new ArrayList<>())
                    .add(record);
        }
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + text, e);
        }
    }

    private static Name hostmaster(Name apex) {
        try {
            return Name.concatenate(name("hostmaster"), apex);
        } catch (org.xbill.DNS.NameTooLongException e) {
            return apex;
        }
    }

    private static InetAddress literal(String ip, int family) {
        try {
            return Address.getByAddress(ip, family);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + ip, e);
        }
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
