package dev.cfcheck.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTemplateTest {

    @TempDir
    Path dir;

    private static final TemplateValues VALUES = TemplateValues.EMPTY
            .with(Placeholder.HOST, "example.com")
            .with(Placeholder.PATH, "/")
            .with(Placeholder.PORT, "443")
            .withAddress(Placeholder.IP, "203.0.113.10");

    @Test
    void fillsTheIssuesCommandsWithRealValues() {
        assertThat(fill("curl -sv --resolve {host}:443:{ip} https://{host}{path}", VALUES))
                .isEqualTo("curl -sv --resolve example.com:443:203.0.113.10 https://example.com/");
        assertThat(fill("curl -sv -o /dev/null -H 'Host: {host}' http://{ip}{path}", VALUES))
                .isEqualTo("curl -sv -o /dev/null -H 'Host: example.com' http://203.0.113.10/");
        assertThat(fill("openssl s_client -connect {ip}:{port} -servername {host}", VALUES))
                .isEqualTo("openssl s_client -connect 203.0.113.10:443 -servername example.com");
    }

    @Test
    void ipv6AddressGetsBracketsOnlyInsideALargerWord() {
        TemplateValues v6 = VALUES.withAddress(Placeholder.IP, "2001:db8::10");

        assertThat(fill("curl -H 'Host: {host}' http://{ip}{path}", v6))
                .isEqualTo("curl -H 'Host: example.com' http://'[2001:db8::10]'/");
        assertThat(fill("openssl s_client -connect {ip}:443", v6))
                .isEqualTo("openssl s_client -connect '[2001:db8::10]':443");
        assertThat(fill("ufw allow from {ip} to any port 443", v6))
                .isEqualTo("ufw allow from 2001:db8::10 to any port 443");
    }

    @Test
    void unknownOriginBecomesAShellVariableThatStillExpandsInsideQuotes() {
        TemplateValues unknown = VALUES.withShellVariable(Placeholder.IP, TemplateValues.ORIGIN_IP_VARIABLE);

        assertThat(fill("curl -sv --resolve {host}:443:{ip} https://{host}{path}", unknown))
                .isEqualTo("curl -sv --resolve example.com:443:$ORIGIN_IP https://example.com/");
        assertThat(fill("echo '{ip}' {ip}_x", unknown)).isEqualTo("echo ''\"$ORIGIN_IP\"'' ${ORIGIN_IP}_x");
    }

    @Test
    void hostilePathInAUrlIsOneInertWordWhenRunByTheShell() throws Exception {
        String path = "/a b'$(touch pwned)`touch pwned`\";touch pwned";
        TemplateValues hostile = VALUES.with(Placeholder.PATH, path).withAddress(Placeholder.IP, "2001:db8::1");
        String command = fill("printf '%s\\0' http://{ip}{path} 'Host: {path}'", hostile);

        ShellQuoteTest runner = new ShellQuoteTest();
        runner.dir = dir;
        assertThat(runner.shellArgs(command))
                .containsExactly("http://[2001:db8::1]" + path, "Host: " + path);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void bracesThatAreNotPlaceholdersAreLiteral() {
        String nft = "nft add rule inet filter input ip saddr \"$ip\" tcp dport '{ 80, 443 }' accept";
        assertThat(fill(nft, VALUES)).isEqualTo(nft);
        assertThat(fill("curl -w '%{time_starttransfer}\\n' {host}", VALUES))
                .isEqualTo("curl -w '%{time_starttransfer}\\n' example.com");
        assertThat(fill("--data '{\"value\":\"full\"}'", VALUES)).isEqualTo("--data '{\"value\":\"full\"}'");
    }

    @Test
    void missingValueLeavesNoCommand() {
        assertThat(CommandTemplate.parse("dig @{resolver} {host}").fill(VALUES)).isEmpty();
    }

    @Test
    void addressThatIsNotAnIpLiteralIsRefused() {
        for (String notAnIp : new String[] {"-oProxyCommand=touch pwned", "cafe.be", "1.2.3", "$(id)", "::1;id", ""}) {
            assertThat(TemplateValues.EMPTY.withAddress(Placeholder.IP, notAnIp).has(Placeholder.IP)).as(notAnIp).isFalse();
        }
        for (String ip : new String[] {"203.0.113.10", "2001:db8::1", "::1", "::ffff:192.0.2.1", "fe80::1%eth0"}) {
            assertThat(TemplateValues.EMPTY.withAddress(Placeholder.IP, ip).has(Placeholder.IP)).as(ip).isTrue();
        }
    }

    @Test
    void badTemplatesFailAtParseNamingTheProblem() {
        assertThatThrownBy(() -> CommandTemplate.parse("curl {hots}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{hots}");
        assertThatThrownBy(() -> CommandTemplate.parse("echo \"{host}\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double quotes");
        assertThatThrownBy(() -> CommandTemplate.parse("echo 'x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void textTemplateUsesValueThenFallback() {
        TextTemplate t = TextTemplate.parse("Search for Ray ID {ray} on {host}");
        assertThat(t.fill(VALUES, Map.of(Placeholder.RAY, "the Ray ID on the page")))
                .isEqualTo("Search for Ray ID the Ray ID on the page on example.com");
        assertThat(t.fill(VALUES.with(Placeholder.RAY, "a23c92d51bc8a952"), Map.of()))
                .isEqualTo("Search for Ray ID a23c92d51bc8a952 on example.com");
    }

    private static String fill(String template, TemplateValues values) {
        return CommandTemplate.parse(template).fill(values).orElseThrow();
    }
}
