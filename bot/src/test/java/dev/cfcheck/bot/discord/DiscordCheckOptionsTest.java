package dev.cfcheck.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfcheck.site.BadInputException;
import org.junit.jupiter.api.Test;

/** The slash command's options and the buttons' custom ids, on their own. */
class DiscordCheckOptionsTest {

    @Test
    void optionsBecomeTheRoutersCommandLine() {
        assertThat(CheckOptions.of("example.com", null, false).commandLine()).isEqualTo("example.com");
        assertThat(CheckOptions.of(" https://example.com/login ", "203.0.113.7:8443", true).commandLine())
                .isEqualTo("https://example.com/login origin=203.0.113.7:8443 fresh");
        assertThat(CheckOptions.of("example.com", "  ", false).origin()).isNull();
    }

    @Test
    void aMissingDomainAsksWhichSite() {
        assertThatThrownBy(() -> CheckOptions.of("  ", null, false))
                .isInstanceOf(BadInputException.class).hasMessage("which site? e.g. /cfcheck domain:example.com");
    }

    @Test
    void aValueCannotSmuggleInAnotherOption() {
        assertThatThrownBy(() -> CheckOptions.of("example.com origin=10.0.0.1", null, false))
                .isInstanceOf(BadInputException.class).hasMessage("domain must be one domain or URL, without spaces");
        assertThatThrownBy(() -> CheckOptions.of("example.com", "203.0.113.7 fresh", false))
                .isInstanceOf(BadInputException.class).hasMessage("origin must be one IP or IP:PORT, without spaces");
        assertThatThrownBy(() -> CheckOptions.of("example.com\u0000evil", null, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("without spaces");
    }

    @Test
    void overlongValuesAreRefusedWithTheirLength() {
        assertThatThrownBy(() -> CheckOptions.of("a".repeat(1001), null, false))
                .isInstanceOf(BadInputException.class).hasMessage("domain is too long (1001 characters, at most 1000)");
        assertThatThrownBy(() -> CheckOptions.of("example.com", "1".repeat(61), false))
                .isInstanceOf(BadInputException.class).hasMessage("origin is too long (61 characters, at most 60)");
    }

    @Test
    void buttonIdsCarryOnlyTheActionAndTheReferenceId() {
        String rerun = new ButtonId(ButtonId.Action.RERUN, "ABCDEFG2").encode();
        assertThat(rerun).isEqualTo("cfcheck:rerun:ABCDEFG2").hasSizeLessThanOrEqualTo(100);
        assertThat(ButtonId.parse(rerun)).contains(new ButtonId(ButtonId.Action.RERUN, "ABCDEFG2"));
        assertThat(ButtonId.parse("cfcheck:details:ABCDEFG2")).contains(new ButtonId(ButtonId.Action.DETAILS, "ABCDEFG2"));
    }

    @Test
    void foreignOrMalformedButtonIdsAreNotOurs() {
        assertThat(ButtonId.parse(null)).isEmpty();
        assertThat(ButtonId.parse("other-bot:rerun:ABCDEFG2")).isEmpty();
        assertThat(ButtonId.parse("cfcheck:delete:ABCDEFG2")).isEmpty();
        assertThat(ButtonId.parse("cfcheck:rerun:abcdefg2")).isEmpty();
        assertThat(ButtonId.parse("cfcheck:rerun:ABCDEFG2:extra")).isEmpty();
        assertThat(ButtonId.parse("cfcheck:rerun")).isEmpty();
    }
}
