package dev.cfcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.edge.EdgeProbe;
import dev.cfcheck.probes.origin.OriginResult;
import dev.cfcheck.probes.origin.OriginsProbe;
import dev.cfcheck.probes.origin.TcpState;
import dev.cfcheck.probes.tls.OriginTlsProbe;
import dev.cfcheck.probes.trace.TraceProbe;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.testing.LoopbackSite;
import dev.cfcheck.testing.PlainHttpServer;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import dev.cfcheck.testing.TlsTestServer;
import dev.cfcheck.probes.NoDelaySocketFactory;
import dev.cfcheck.testing.Loopback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's proxy settings ({@code -Dhttps.proxyHost}, {@code -Dhttp.proxyHost}, {@code -DsocksProxyHost}) never
 * carry a probe: a proxy would answer for the site, resolve names itself and see every target. Every client of
 * every probe (OkHttp for the edge, the trace and the origin's GET; plain sockets for the origin's TCP connect
 * and TLS handshake) connects directly, while a stand-in proxy on loopback records any connection.
 *
 * <p>The JDK's selector sends nothing to a loopback host (127.*, ::1, localhost) through a proxy, whatever the
 * settings say. So the sockets here connect to addresses that carry a host name ({@code InetAddress.getByAddress(
 * name, 127.0.0.1)}): the selector then sees the name, as it would a real origin's, and would pick the proxy.
 */
class JvmProxySettingsTest {

    /** The proxy properties the JDK's default selector reads, and the exemptions that would otherwise spare loopback. */
    private static final List<String> PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "socksProxyHost", "socksProxyPort", "http.nonProxyHosts", "socksNonProxyHosts");

    @TempDir
    Path dir;

    /** 127.0.0.1 under the site's name. */
    private static final InetAddress NAMED_LOOPBACK = named();

    private final Map<String, String> saved = new HashMap<>();

    private static InetAddress named() {
        try {
            return InetAddress.getByAddress(LoopbackSite.HOST, Loopback.ADDRESS.getAddress());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private void pointEveryProxyAt(SilentServer proxy) {
        PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
        String port = String.valueOf(proxy.port());
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", port);
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", port);
        System.setProperty("socksProxyHost", "127.0.0.1");
        System.setProperty("socksProxyPort", port);
        // By default the JDK exempts localhost and 127.*: without this the test would pass with any client.
        System.setProperty("http.nonProxyHosts", "nothing.invalid");
        System.setProperty("socksNonProxyHosts", "nothing.invalid");
    }

    @Test
    void noProbeConnectsThroughTheJvmsProxiesAndTheCheckStillReachesTheSite() throws Exception {
        try (SilentServer proxy = SilentServer.start();
                LoopbackSite site = LoopbackSite.start(dir);
                TlsTestServer tlsOrigin = TlsTestServer.serving(TestCertificates.leaf(LoopbackSite.HOST), TestCertificates.rootCa())
                        .status(200).start();
                PlainHttpServer plainOrigin = PlainHttpServer.start(200)) {
            pointEveryProxyAt(proxy);
            site.edge().enqueue(new MockResponse.Builder().code(200).setHeader("server", "cloudflare")
                    .setHeader("cf-ray", LoopbackSite.CF_RAY).body("<h1>shop</h1>").build());

            CheckReport report = site.checker().checkAndWait(site.request(List.of(
                    new OriginEndpoint(NAMED_LOOPBACK, tlsOrigin.port()),
                    new OriginEndpoint(NAMED_LOOPBACK, plainOrigin.port()))));

            // The edge (https) and the trace answered.
            assertThat(report.probes().get(EdgeProbe.KEY).https().status()).isEqualTo(200);
            assertThat(report.probes().get(TraceProbe.KEY).trace()).isNotNull();
            // The origins: TCP connects, a TLS handshake, an https GET and (on the plain port) an http GET.
            List<OriginResult> origins = report.probes().get(OriginsProbe.KEY);
            assertThat(origins).allSatisfy(o -> assertThat(o.ports()).allSatisfy(p -> assertThat(p.state()).isEqualTo(TcpState.CONNECTED)));
            assertThat(origins.get(0).http().status()).isEqualTo(200);
            assertThat(origins.get(1).http().status()).isEqualTo(200);
            assertThat(origins.get(1).http().url()).startsWith("http://");
            assertThat(report.probes().get(OriginTlsProbe.KEY).get(0).handshakeOk()).isTrue();

            assertThat(proxy.connections()).as("connections to the proxy stand-in").isZero();
        }
    }

    /** The sockets under OkHttp's calls (edge, trace, origin GET) are direct too, whatever address they are given. */
    @Test
    void theProbesSocketFactoryConnectsDirectly() throws Exception {
        try (SilentServer proxy = SilentServer.start(); ServerSocket site = new ServerSocket(0, 50, Loopback.ADDRESS)) {
            pointEveryProxyAt(proxy);

            try (Socket socket = NoDelaySocketFactory.INSTANCE.createSocket()) {
                socket.connect(new InetSocketAddress(NAMED_LOOPBACK, site.getLocalPort()), 5_000);
                assertThat(socket.getTcpNoDelay()).isTrue();
            }
            try (Socket socket = NoDelaySocketFactory.INSTANCE.createSocket(NAMED_LOOPBACK, site.getLocalPort())) {
                assertThat(socket.isConnected()).isTrue();
            }

            assertThat(proxy.connections()).as("connections to the proxy stand-in").isZero();
        }
    }
}
