package dev.cfcheck.bot.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.site.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    @Test
    void helpInEveryForm() {
        for (String s : List.of("", "  ", "/cfcheck", "help", "/cfcheck help", "HELP", "--help", "-h", "?")) {
            assertThat(parser.parse(s)).as(s).isInstanceOf(ParsedCommand.Help.class);
        }
    }

    @Test
    void domainOriginsAndFresh() {
        assertThat(parser.parse("/cfcheck example.com origin=203.0.113.7:8443 fresh"))
                .isEqualTo(new ParsedCommand.Check("example.com", List.of("203.0.113.7:8443"), true));
        assertThat(parser.parse("  example.com   --origin=203.0.113.7 --origin=[2001:db8::1]:443 "))
                .isEqualTo(new ParsedCommand.Check("example.com", List.of("203.0.113.7", "[2001:db8::1]:443"), false));
        assertThat(parser.parse("example.com/search?q=a=b")).isEqualTo(new ParsedCommand.Check("example.com/search?q=a=b", List.of(), false));
    }

    @Test
    void slackLinkSyntaxIsUnwrappedToWhatTheUserTyped() {
        assertThat(parser.parse("<http://example.com|example.com>")).isEqualTo(new ParsedCommand.Check("example.com", List.of(), false));
        assertThat(parser.parse("<https://example.com/a?x=1&amp;y=2>"))
                .isEqualTo(new ParsedCommand.Check("https://example.com/a?x=1&y=2", List.of(), false));
        assertThat(parser.parse("<https://example.com/login|https://example.com/login> fresh"))
                .isEqualTo(new ParsedCommand.Check("https://example.com/login", List.of(), true));
    }

    @Test
    void badInputNamesTheProblem() {
        assertThatThrownBy(() -> parser.parse("example.com port=8080")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown option 'port'");
        assertThatThrownBy(() -> parser.parse("example.com example.org")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("one domain or URL at a time");
        assertThatThrownBy(() -> parser.parse("example.com origin=")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("origin= needs an address");
        assertThatThrownBy(() -> parser.parse("example.com origin=1.1.1.1 origin=1.1.1.2 origin=1.1.1.3 origin=1.1.1.4 origin=1.1.1.5"))
                .hasMessageContaining("at most 4");
        assertThatThrownBy(() -> parser.parse("fresh")).hasMessageContaining("which site?");
        assertThatThrownBy(() -> parser.parse("x".repeat(3000))).hasMessageContaining("too long");
    }

    @Test
    void echoedInputIsShortAndOnOneLine() {
        assertThatThrownBy(() -> parser.parse("example.com " + "y".repeat(500)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
    }
}
