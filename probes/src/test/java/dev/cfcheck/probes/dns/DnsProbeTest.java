package dev.cfcheck.probes.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.probes.Deadline;
import dev.cfcheck.site.Cidr;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.testing.LoopbackDnsServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/** DnsProbe against a real DNS server on loopback: each DNS failure mode reproduced for real. */
class DnsProbeTest {

    /** Loopback plays Cloudflare's edge. */
    private static final CloudflareRanges LOOPBACK_IS_CLOUDFLARE = CloudflareRanges.of(List.of(Cidr.parse("127.0.0.0/8")));

    private LoopbackDnsServer dns;
    private DnsProbe probe;

    @BeforeEach
    void start() throws IOException {
        dns = LoopbackDnsServer.start();
        probe = new DnsProbe(dns.address(), LOOPBACK_IS_CLOUDFLARE);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @Test
    void proxiedHostOnCloudflareNameservers() {
        dns.ns("example.com", "ada.ns.cloudflare.com", "bob.ns.cloudflare.com")
                .a("www.example.com", "127.0.0.10", "127.0.0.11")
                .aaaa("www.example.com", "2606:4700::6810:84e5");

        DnsResult r = probe.run("www.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.resolver()).isEqualTo("127.0.0.1:" + dns.address().getPort());
        assertThat(r.ipv4()).containsExactly("127.0.0.10", "127.0.0.11");
        assertThat(r.ipv6()).containsExactly("2606:4700::6810:84e5");
        assertThat(r.cnameChain()).isEmpty();
        assertThat(r.zone()).isEqualTo("example.com");
        assertThat(r.nameservers()).containsExactly("ada.ns.cloudflare.com", "bob.ns.cloudflare.com");
        assertThat(r.cloudflareNameservers()).isTrue();
        assertThat(r.cloudflareAddresses()).containsExactly("127.0.0.10", "127.0.0.11");
        assertThat(r.proxied()).isTrue();
        assertThat(r.detail()).isNull();
    }

    @Test
    void dnsOnlyRecordIsNotProxiedWithTheBundledRanges() {
        dns.ns("example.org", "ns1.example.org", "ada.ns.cloudflare.com").a("example.org", "127.0.0.20");

        DnsResult r = new DnsProbe(dns.address(), CloudflareRanges.bundled()).run("example.org", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.zone()).isEqualTo("example.org");
        assertThat(r.cloudflareNameservers()).as("one NS is not Cloudflare's").isFalse();
        assertThat(r.cloudflareAddresses()).isEmpty();
        assertThat(r.proxied()).isFalse();
    }

    @Test
    void nxdomainForAMissingNameStillFindsTheZone() {
        dns.ns("example.com", "ada.ns.cloudflare.com");

        DnsResult r = probe.run("missing.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(r.addresses()).isEmpty();
        assertThat(r.detail()).isEqualTo("missing.example.com does not exist (NXDOMAIN)");
        assertThat(r.zone()).isEqualTo("example.com");
        assertThat(r.cloudflareNameservers()).isTrue();
    }

    @Test
    void servfailFromTheResolver() {
        dns.ns("example.com", "ns1.example.com").rcode("broken.example.com", Rcode.SERVFAIL);

        DnsResult r = probe.run("broken.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.SERVFAIL);
        assertThat(r.detail()).contains("answered SERVFAIL to A broken.example.com");
        assertThat(r.zone()).as("the walk stops at a failing resolver rather than guess").isNull();
    }

    @Test
    void refusedByTheResolver() {
        dns.rcode("private.example.com", Rcode.REFUSED);

        DnsResult r = probe.run("private.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.REFUSED);
        assertThat(r.detail()).contains("REFUSED");
    }

    @Test
    void nodataWhenTheNameHasNoAddressRecords() {
        dns.ns("example.com", "ns1.example.com").a("www.example.com", "127.0.0.1");

        DnsResult r = probe.run("example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.NODATA);
        assertThat(r.detail()).isEqualTo("the name exists but has no A or AAAA records");
        assertThat(r.zone()).isEqualTo("example.com");
    }

    @Test
    void timeoutWhenTheResolverNeverAnswers() {
        dns.silent("slow.example.com");

        DnsResult r = probe.run("slow.example.com", Deadline.after(Duration.ofMillis(700)));

        assertThat(r.status()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(r.detail()).startsWith("no answer from 127.0.0.1:").contains("slow.example.com");
        assertThat(dns.queryCount("slow.example.com", "A")).isPositive();
    }

    @Test
    void expiredDeadlineAsksNothing() {
        DnsResult r = probe.run("www.example.com", Deadline.after(Duration.ZERO));

        assertThat(r.status()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(dns.queryCount()).isZero();
    }

    @Test
    void cnameChainIsFollowedToTheAddresses() {
        dns.ns("example.com", "ada.ns.cloudflare.com")
                .cname("www.example.com", "shop.example.com")
                .cname("shop.example.com", "shop.example.com.cdn.cloudflare.net")
                .a("shop.example.com.cdn.cloudflare.net", "127.0.0.30");

        DnsResult r = probe.run("www.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.cnameChain()).containsExactly("shop.example.com", "shop.example.com.cdn.cloudflare.net");
        assertThat(r.ipv4()).containsExactly("127.0.0.30");
        assertThat(r.zone()).as("the zone of the host, not of the CNAME target").isEqualTo("example.com");
        assertThat(r.proxied()).isTrue();
    }

    /** An authoritative server answers only the alias; the probe asks again for the target. */
    @Test
    void cnameOnlyAnswersAreChasedByTheProbe() {
        dns.chaseCnames(false)
                .cname("www.example.com", "edge.example.net")
                .cname("edge.example.net", "final.example.net")
                .a("final.example.net", "127.0.0.31");

        DnsResult r = probe.run("www.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.cnameChain()).containsExactly("edge.example.net", "final.example.net");
        assertThat(r.ipv4()).containsExactly("127.0.0.31");
        assertThat(dns.queryCount("edge.example.net", "A")).isEqualTo(1);
        assertThat(dns.queryCount("final.example.net", "A")).isEqualTo(1);
    }

    @Test
    void cnameLoopIsAnErrorNotAHang() {
        dns.cname("a.example.com", "b.example.com").cname("b.example.com", "a.example.com");

        DnsResult r = probe.run("a.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.ERROR);
        assertThat(r.detail()).isEqualTo("CNAME loop: a.example.com -> b.example.com -> a.example.com");
    }

    @Test
    void cnameLoopAcrossSeparateAnswersIsCaughtToo() {
        dns.chaseCnames(false).cname("a.example.com", "b.example.com").cname("b.example.com", "a.example.com");

        DnsResult r = probe.run("a.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.ERROR);
        assertThat(r.detail()).startsWith("CNAME loop:");
        assertThat(dns.queryCount("a.example.com", "A")).isEqualTo(1);
        assertThat(dns.queryCount("b.example.com", "A")).isEqualTo(1);
    }

    @Test
    void danglingCnameIsNxdomainNamingTheTarget() {
        dns.ns("example.net", "ns1.example.net").cname("www.example.com", "gone.example.net");

        DnsResult r = probe.run("www.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(r.cnameChain()).containsExactly("gone.example.net");
        assertThat(r.detail()).isEqualTo("CNAME target gone.example.net does not exist (NXDOMAIN): www.example.com -> gone.example.net");
    }

    @Test
    void zoneCutIsFoundFromADeepName() {
        dns.ns("example.com", "ada.ns.cloudflare.com", "bob.ns.cloudflare.com")
                .ns("sub.example.com", "ns1.other-dns.example")
                .a("a.b.sub.example.com", "127.0.0.40");

        DnsResult r = probe.run("a.b.sub.example.com", deadline());

        assertThat(r.zone()).isEqualTo("sub.example.com");
        assertThat(r.nameservers()).containsExactly("ns1.other-dns.example");
        assertThat(r.cloudflareNameservers()).as("delegated away from Cloudflare").isFalse();
    }

    /** The NS query on an alias follows it into the target's zone; that SOA must not be taken for the host's. */
    @Test
    void zoneOfAnAliasIsTheZoneOfTheAliasNotOfItsTarget() {
        dns.ns("example.com", "ada.ns.cloudflare.com", "bob.ns.cloudflare.com")
                .ns("hosting.example.net", "ns1.hosting.example.net")
                .cname("www.example.com", "site1.hosting.example.net")
                .a("site1.hosting.example.net", "127.0.0.41");

        DnsResult r = probe.run("www.example.com", deadline());

        assertThat(r.zone()).isEqualTo("example.com");
        assertThat(r.nameservers()).containsExactly("ada.ns.cloudflare.com", "bob.ns.cloudflare.com");
        assertThat(dns.queryCount("www.example.com", "NS")).isEqualTo(1);
        assertThat(dns.queryCount("example.com", "NS")).isEqualTo(1);
    }

    @Test
    void largeAnswerIsTruncatedOverUdpAndRetriedOverTcp() {
        String[] many = IntStream.range(1, 151).mapToObj(i -> "127.0.1." + i).toArray(String[]::new);
        dns.ns("example.com", "ns1.example.com").a("big.example.com", many);

        DnsResult r = probe.run("big.example.com", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.ipv4()).hasSize(150);
        assertThat(dns.queries()).anyMatch(q -> q.name().equals("big.example.com") && q.transport().equals("tcp"));
    }

    /** Nothing listens on the port: loopback answers ICMP port unreachable at once. */
    @Test
    void resolverNotListeningIsAnError() throws IOException {
        InetSocketAddress nobody;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        DnsResult r = new DnsProbe(nobody, LOOPBACK_IS_CLOUDFLARE).run("www.example.com", Deadline.after(Duration.ofMillis(700)));

        assertThat(r.status()).isEqualTo(DnsStatus.ERROR);
        assertThat(r.detail()).isEqualTo("resolver 127.0.0.1:" + nobody.getPort() + " is not listening (port unreachable)");
    }

    @Test
    void ipLiteralTargetNeedsNoLookup() {
        DnsResult r = probe.run("127.0.0.1", deadline());

        assertThat(r.status()).isEqualTo(DnsStatus.OK);
        assertThat(r.ipv4()).containsExactly("127.0.0.1");
        assertThat(r.proxied()).isTrue();
        assertThat(dns.queryCount()).isZero();
    }

    @Test
    void redirectHopResolveGivesIpv4FirstAfterTheCnameChain() throws Exception {
        dns.cname("redirect.example.com", "target.example.com")
                .aaaa("target.example.com", "::1")
                .a("target.example.com", "127.0.0.50");

        List<InetAddress> addresses = probe.resolve("redirect.example.com", deadline());

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.50", "0:0:0:0:0:0:0:1");
        assertThat(dns.queryCount("redirect.example.com", "NS")).as("no zone walk for a redirect hop").isZero();
    }

    @Test
    void redirectHopResolveThrowsWithTheDnsStatus() {
        dns.ns("example.com", "ns1.example.com").rcode("bad.example.com", Rcode.SERVFAIL);

        assertThatThrownBy(() -> probe.resolve("nowhere.example.com", deadline()))
                .isInstanceOfSatisfying(DnsLookupException.class, e -> assertThat(e.status()).isEqualTo(DnsStatus.NXDOMAIN))
                .hasMessageStartingWith("nowhere.example.com: NXDOMAIN");
        assertThatThrownBy(() -> probe.resolve("bad.example.com", deadline()))
                .isInstanceOfSatisfying(DnsLookupException.class, e -> assertThat(e.status()).isEqualTo(DnsStatus.SERVFAIL));
    }

    @Test
    void redirectHopResolveReturnsAnIpLiteralAsItIs() throws Exception {
        assertThat(probe.resolve("10.0.0.1", deadline())).extracting(InetAddress::getHostAddress).containsExactly("10.0.0.1");
        assertThat(dns.queryCount()).isZero();
    }
}
