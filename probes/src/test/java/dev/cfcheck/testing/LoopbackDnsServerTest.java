package dev.cfcheck.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The fixture itself, asked with a plain dnsjava resolver: what other tests rely on. */
class LoopbackDnsServerTest {

    private static Message ask(LoopbackDnsServer dns, String name, int type) throws IOException {
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    @Test
    void answersItsRecordsAndLogsEveryQuery() throws IOException {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.a("WWW.Example.com", "127.0.0.7");

            Message reply = ask(dns, "www.example.com", Type.A);

            assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("127.0.0.7"));
            assertThat(dns.queries()).containsExactly(new LoopbackDnsServer.Query("www.example.com", "A", "udp"));
            assertThat(dns.queryCount("www.example.com.", "A")).isEqualTo(1);
        }
    }

    @Test
    void negativeAnswersCarryTheSoaOfTheEnclosingZone() throws IOException {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.ns("example.com", "ns1.example.com").a("a.b.example.com", "127.0.0.8");

            Message missing = ask(dns, "missing.example.com", Type.A);
            Message emptyNonTerminal = ask(dns, "b.example.com", Type.A);

            assertThat(missing.getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(missing.getSection(Section.AUTHORITY)).singleElement()
                    .satisfies(r -> assertThat(((SOARecord) r).getName().toString()).isEqualTo("example.com."));
            assertThat(emptyNonTerminal.getRcode()).as("a name with names below it exists").isEqualTo(Rcode.NOERROR);
            assertThat(emptyNonTerminal.getSection(Section.ANSWER)).isEmpty();
        }
    }

    @Test
    void answersConcurrentQueries() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.a("www.example.com", "127.0.0.9");
            List<CompletableFuture<Message>> replies = IntStream.range(0, 40)
                    .mapToObj(i -> {
                        SimpleResolver resolver = new SimpleResolver(dns.address());
                        resolver.setTimeout(Duration.ofSeconds(5));
                        return resolver.sendAsync(Message.newQuery(Record.newRecord(
                                Name.fromConstantString("www.example.com."), Type.A, DClass.IN))).toCompletableFuture();
                    })
                    .toList();
            for (CompletableFuture<Message> reply : replies) {
                assertThat(reply.get().getSection(Section.ANSWER)).hasSize(1);
            }
            assertThat(dns.queryCount()).isEqualTo(40);
        }
    }

    @Test
    void closedServerNoLongerAnswers() throws IOException {
        LoopbackDnsServer dns = LoopbackDnsServer.start();
        dns.a("www.example.com", "127.0.0.9");
        dns.close();
        dns.close();

        assertThatThrownBy(() -> ask(dns, "www.example.com", Type.A)).isInstanceOf(IOException.class);
    }
}
