package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void unitsAndBareSeconds() {
        assertThat(DurationParser.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationParser.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationParser.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationParser.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationParser.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationParser.parse(" 10 S ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationParser.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationParser.ofSeconds(new BigDecimal("0.25"))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void typosNegativesAndOverflowAreRefused() {
        assertThatThrownBy(() -> DurationParser.parse("10x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("1e3s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("PT10S")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("-1s")).hasMessageContaining("negative");
        assertThatThrownBy(() -> DurationParser.ofSeconds(new BigDecimal("-1"))).hasMessageContaining("negative");
        // Would wrap around to a small number if converted before the check.
        assertThatThrownBy(() -> DurationParser.parse("99999999999999999999999h")).hasMessageContaining("365 days");
        assertThatThrownBy(() -> DurationParser.parse("366d")).hasMessageContaining("not a duration");
    }
}
