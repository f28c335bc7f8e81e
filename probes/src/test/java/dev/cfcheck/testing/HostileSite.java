package dev.cfcheck.testing;

import dev.cfcheck.check.CheckReport;
import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.Thresholds;
import dev.cfcheck.probes.HandshakeTimeout;
import dev.cfcheck.site.OriginEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@link HostileCase}s through the real {@link Checker} on a {@link LoopbackSite}, at one of two places:
 * <ul>
 *   <li>{@link Position#EDGE}: the hostile server is the site's https answer (the target names its port), with
 *       follow-up on as in production;</li>
 *   <li>{@link Position#ORIGIN}: the hostile server is {@code origin=}, behind an edge whose reply breaks off as
 *       Cloudflare's does when it passes on a broken origin reply, so the verdict reads the origin: 520 inferred
 *       when the origin's reply is broken too, the edge's broken reply otherwise.</li>
 * </ul>
 * Requests do not allow private targets: the policy is production's with loopback let through
 * ({@link LoopbackSite#safePolicyForLoopback()}), so a redirect to 10.0.0.1 or 169.254.169.254 meets the real one.
 * A case that {@linkplain HostileCase#stalls() stalls} gets the short deadline and handshake limit; every other
 * case gets long ones it must never need (a busy machine must not turn into a finding).
 */
public final class HostileSite implements AutoCloseable {

    /** Where the hostile server stands. */
    public enum Position { EDGE, ORIGIN }

    /**
     * @param deadline      the deadline of a case that ends on its own
     * @param stallDeadline the deadline of a case that stalls
     * @param stall         the TLS handshake limit for a case that stalls, well inside {@code stallDeadline}
     */
    public record Limits(Duration deadline, Duration stallDeadline, HandshakeTimeout stall) {
        /** What the suite uses: 15 s never needed, 3 s and 1 s for the stalls. */
        public static final Limits SUITE = new Limits(Duration.ofSeconds(15), Duration.ofSeconds(3),
                new HandshakeTimeout(Duration.ofSeconds(1)));
    }

    private static final Duration FOLLOW_UP = Duration.ofSeconds(20);
    /**
     * A busy machine makes first bytes slow (TLS handshakes of a cold JVM): not what the suite judges, so
     * SLOW_RESPONSE never stands in for the verdict of a case.
     */
    private static final Thresholds NOT_SLOW = new Thresholds(Duration.ofMinutes(1), Thresholds.DEFAULTS.certExpiryDays());
    /** Cases checked at once at most ({@link #check} may be called from several threads). */
    private static final int PARALLEL = 16;

    private final LoopbackSite site;
    private final TlsTestServer brokenEdge;
    private final Limits limits;
    private final Checker checker;
    private final Checker stallChecker;

    private HostileSite(LoopbackSite site, TlsTestServer brokenEdge, Limits limits) {
        this.site = site;
        this.brokenEdge = brokenEdge;
        this.limits = limits;
        CheckerSettings settings = new CheckerSettings(Duration.ofSeconds(60), 100, PARALLEL, NOT_SLOW, FOLLOW_UP);
        this.checker = site.checker(settings, HandshakeTimeout.DEFAULT, LoopbackSite.safePolicyForLoopback());
        this.stallChecker = site.checker(settings, limits.stall(), LoopbackSite.safePolicyForLoopback());
    }

    /** Starts the site (its files in {@code dir}) and the edge the origin cases stand behind. */
    public static HostileSite start(Path dir, Limits limits) throws IOException {
        LoopbackSite site = LoopbackSite.start(dir);
        site.dns().a(HostileReply.PRIVATE_HOST, HostileReply.PRIVATE_ADDRESS);
        TlsTestServer brokenEdge = TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa())
                .reply(RawReply.SHORT_BODY).start();
        return new HostileSite(site, brokenEdge, limits);
    }

    /** Checks one case at {@code position} against its own server, closed when the check returns. */
    public CheckReport check(Position position, HostileCase hostile) {
        Checker by = hostile.stalls() ? stallChecker : checker;
        Duration deadline = hostile.stalls() ? limits.stallDeadline() : limits.deadline();
        try (HostileCase.Server server = hostile.start()) {
            return switch (position) {
                case EDGE -> by.checkAndWait(site.request(url(server.port()), List.of(), deadline, DomainSettings.NONE, false));
                case ORIGIN -> by.checkAndWait(site.request(url(brokenEdge.port()), List.of(new OriginEndpoint(Loopback.ADDRESS, server.port())),
                        deadline, DomainSettings.NONE, false));
            };
        }
    }

    private static String url(int edgePort) {
        return "https://" + LoopbackSite.HOST + ":" + edgePort + "/";
    }

    /** Closes the checkers (cutting what still trickles), the broken edge and the site. */
    @Override
    public void close() {
        checker.close();
        stallChecker.close();
        brokenEdge.close();
        site.close();
    }
}
