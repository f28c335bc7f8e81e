/**
 * Shared test fixtures: real servers and faults on 127.0.0.1, random ports, all {@link AutoCloseable}
 * (use try-with-resources). Published as the probes test-jar so the bot's tests can use them too.
 *
 * <ul>
 *   <li>{@link dev.cfcheck.testing.TestCertificates}: root CA, valid / expired / self-signed / wrong-host /
 *       expiring-in-N-days leaves, a CA named like Cloudflare's Origin CA, PEM files for {@code --ca-file}.</li>
 *   <li>{@link dev.cfcheck.testing.TlsTestServer}: a JSSE TLS server for a given chain (protocols and cipher
 *       suites restrictable) answering a minimal HTTP response with a chosen status; records SNI.
 *       For plain HTTPS with recorded requests, MockWebServer with
 *       {@code useHttps(TestCertificates.serverCertificates(leaf, ca).sslSocketFactory())} is simpler.</li>
 *   <li>{@link dev.cfcheck.testing.Tls10OnlyServer}: answers a ClientHello with a TLS 1.0 ServerHello (525,
 *       protocol version).</li>
 *   <li>{@link dev.cfcheck.testing.PlainHttpServer}: plain HTTP answering anything, a TLS ClientHello
 *       included (plain HTTP on 443); or, like {@code TlsTestServer}, a {@link dev.cfcheck.testing.RawReply}
 *       that cannot be whole (a body short of its length, a close inside the headers, an empty reply, broken
 *       chunks: 520).</li>
 *   <li>{@link dev.cfcheck.testing.SilentServer}: accepts and never answers (524; a TLS port whose handshake
 *       stalls: 525).</li>
 *   <li>{@link dev.cfcheck.testing.FullBacklogServer}: SYNs unanswered, via a full accept queue (522).</li>
 *   <li>{@link dev.cfcheck.testing.ClosedPort}: a port with nothing listening (521).</li>
 *   <li>{@link dev.cfcheck.testing.Loopback}: the 127.0.0.1 address they all bind.</li>
 * </ul>
 */
package dev.cfcheck.testing;
