package dev.cfcheck.testing;

/**
 * The hostile-origins catalogue (issue 8): every way a site can answer that must still end in a bounded report
 * with the right verdict inside the deadline. Each case is a server that {@link HostileSite} starts at the edge
 * (the site's own answer) and, where it applies, at the origin ({@code origin=}); the expected verdicts are in
 * {@code HostileOriginsTest} and {@code docs/hostile-origins.md}.
 */
public enum HostileCase {
    GIANT_BODY(HostileReply.GIANT_BODY, true, false),
    CLOSE_DELIMITED_BODY(HostileReply.CLOSE_DELIMITED_BODY, true, false),
    LONG_HEADER_LINE(HostileReply.LONG_HEADER_LINE, true, false),
    MANY_HEADERS(HostileReply.MANY_HEADERS, true, false),
    ENDLESS_HEADERS(HostileReply.ENDLESS_HEADERS, true, false),
    TRICKLING_HEADERS(HostileReply.TRICKLING_HEADERS, true, true),
    GZIP_BOMB(HostileReply.GZIP_BOMB, true, false),
    CONTROL_BYTES_IN_STATUS_LINE(HostileReply.CONTROL_BYTES_IN_STATUS_LINE, true, false),
    CONTROL_BYTES_IN_HEADERS_AND_TITLE(HostileReply.CONTROL_BYTES_IN_HEADERS_AND_TITLE, true, false),
    MENTIONS(HostileReply.MENTIONS, true, false),
    SHORT_BODY(RawReply.SHORT_BODY, true, false),
    /** A TLS port that accepts and never answers the ClientHello ({@link SilentServer}). */
    STALLED_HANDSHAKE(null, true, true),
    // The origin probe follows no redirect: these are the edge's alone.
    ENDLESS_REDIRECTS(HostileReply.ENDLESS_REDIRECTS, false, false),
    REDIRECT_TO_METADATA(HostileReply.REDIRECT_TO_METADATA, false, false),
    REDIRECT_TO_PRIVATE_NAME(HostileReply.REDIRECT_TO_PRIVATE_NAME, false, false);

    private final ServerReply reply;
    private final boolean atOrigin;
    private final boolean stalls;

    HostileCase(ServerReply reply, boolean atOrigin, boolean stalls) {
        this.reply = reply;
        this.atOrigin = atOrigin;
        this.stalls = stalls;
    }

    /** Whether the case means something at the origin too. */
    public boolean appliesAtOrigin() {
        return atOrigin;
    }

    /**
     * Whether the server holds the check until a limit (the deadline, the TLS handshake limit) ends it; every other
     * case must end on its own, whatever the deadline.
     */
    public boolean stalls() {
        return stalls;
    }

    /** Starts this case's server on loopback: TLS with a certificate for {@link LoopbackSite#HOST}. */
    public Server start() {
        if (reply == null) {
            SilentServer silent = SilentServer.start();
            return new Server(silent.port(), silent::close);
        }
        TlsTestServer tls = TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa())
                .reply(reply).start();
        return new Server(tls.port(), tls::close);
    }

    /** A started case: its port, and what closes it. */
    public record Server(int port, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
