package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.probes.Failure;
import dev.cfcheck.probes.NetworkText;
import dev.cfcheck.site.AddressPolicy;
import dev.cfcheck.site.SafeAddressPolicy;
import dev.cfcheck.site.Target;
import dev.cfcheck.testing.Loopback;
import dev.cfcheck.testing.SilentServer;
import dev.cfcheck.testing.TestCertificates;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * What a redirect may do to the check: lead to a port Cloudflare does not proxy (refused unless private targets
 * are allowed, so a hostile site cannot make cfcheck scan ports), and carry a huge {@code Location} (kept clipped).
 */
class RedirectLimitsTest {

    private static final String HOST = "shop.example.test";

    /** Loopback addresses allowed (the site lives there), ports as the safe-target policy allows them. */
    private static final AddressPolicy CLOUDFLARE_PORTS_ON_LOOPBACK = new AddressPolicy() {
        @Override
        public void requireAllowed(InetAddress address) {
        }

        @Override
        public void requirePortAllowed(int port) {
            new SafeAddressPolicy().requirePortAllowed(port);
        }
    };

    @Test
    void aRedirectToAPortCloudflareDoesNotProxyIsRefusedBeforeConnecting() throws Exception {
        try (MockWebServer edge = new MockWebServer(); SilentServer other = SilentServer.start()) {
            edge.enqueue(redirect("http://" + HOST + ":" + other.port() + "/admin"));
            edge.start(Loopback.ADDRESS, 0);

            HttpExchange x = probe(CLOUDFLARE_PORTS_ON_LOOPBACK).run(target(edge.getPort()), List.of(Loopback.ADDRESS),
                    Deadline.after(Duration.ofSeconds(20))).http();

            assertThat(x.status()).isEqualTo(302);
            assertThat(x.failure().kind()).isEqualTo(Failure.Kind.UNSAFE_ADDRESS);
            assertThat(x.failure().message()).isEqualTo("not following the redirect to " + HOST + ":" + other.port()
                    + ": port " + other.port() + " is not one Cloudflare proxies (80, 443, 2052, 2053, 2082, 2083, 2086,"
                    + " 2087, 2095, 2096, 8080, 8443, 8880; other ports only with --allow-private or allowPrivate: true in the config)");
            assertThat(x.redirects()).hasSize(1);
            assertThat(edge.getRequestCount()).isEqualTo(1);
            assertThat(other.connections()).isZero();
        }
    }

    @Test
    void withPrivateTargetsAllowedARedirectMayChangePort() throws Exception {
        try (MockWebServer edge = new MockWebServer(); MockWebServer other = new MockWebServer()) {
            other.enqueue(new MockResponse.Builder().code(200).body("admin").build());
            other.start(Loopback.ADDRESS, 0);
            edge.enqueue(redirect("http://" + HOST + ":" + other.getPort() + "/admin"));
            edge.start(Loopback.ADDRESS, 0);

            HttpExchange x = probe(AddressPolicy.ALLOW_ALL).run(target(edge.getPort()), List.of(Loopback.ADDRESS),
                    Deadline.after(Duration.ofSeconds(20))).http();

            assertThat(x.status()).isEqualTo(200);
            assertThat(x.failure()).isNull();
            assertThat(other.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void hugeLocationsAreKeptClippedWithAVisibleMarker() throws Exception {
        String longPath = "/" + "a".repeat(20_000);
        try (MockWebServer edge = new MockWebServer()) {
            edge.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getTarget().equals("/") ? redirect(longPath)
                            : new MockResponse.Builder().code(200).body("long way").build();
                }
            });
            edge.start(Loopback.ADDRESS, 0);

            HttpExchange x = probe(AddressPolicy.ALLOW_ALL).run(target(edge.getPort()), List.of(Loopback.ADDRESS),
                    Deadline.after(Duration.ofSeconds(20))).http();

            assertThat(x.status()).isEqualTo(200);
            assertThat(edge.getRequestCount()).isEqualTo(2); // the hop itself was followed in full
            Redirect hop = x.redirects().get(0);
            assertThat(hop.location()).hasSize(NetworkText.MAX_URL).startsWith("http://" + HOST + ":" + edge.getPort() + "/aaa")
                    .endsWith("characters]").contains("…[clipped, ");
            assertThat(x.finalUrl()).isEqualTo(hop.location());
            assertThat(hop.from()).isEqualTo("http://" + HOST + ":" + edge.getPort() + "/");
        }
    }

    private static EdgeProbe probe(AddressPolicy policy) {
        return new EdgeProbe(policy, (host, deadline) -> {
            throw new UnknownHostException(host);
        }, new okhttp3.tls.HandshakeCertificates.Builder().addTrustedCertificate(TestCertificates.rootCa().certificate())
                .build().trustManager());
    }

    private static Target target(int port) {
        return new Target("http://" + HOST + ":" + port + "/", HOST, HOST, "http", port, "/");
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }
}
