package dev.cfcheck.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class LibraryLogFloorTest {

    private final LoggerContext context = new LoggerContext();

    private FilterReply decide(LibraryLogFloor floor, String logger, Level level) {
        return floor.decide(null, context.getLogger(logger), level, "x", null, null);
    }

    @Test
    void eventsBelowTheFloorFromTheLibraryAreDeniedOthersAreLeftToTheLevels() {
        LibraryLogFloor floor = new LibraryLogFloor();
        floor.setLogger("com.slack.api");
        floor.setFloor("ERROR");
        floor.start();

        assertThat(decide(floor, "com.slack.api.bolt.util.SlackRequestParser", Level.WARN)).isEqualTo(FilterReply.DENY);
        assertThat(decide(floor, "com.slack.api", Level.DEBUG)).isEqualTo(FilterReply.DENY);
        assertThat(decide(floor, "com.slack.api.methods.impl.TeamIdCache", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(floor, "com.slack.apiary", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(floor, "dev.cfcheck.bot.slack.SlackAdapter", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void withoutALoggerNameItDoesNotStart() {
        LibraryLogFloor floor = new LibraryLogFloor();
        floor.setContext(context);
        floor.start();

        assertThat(floor.isStarted()).isFalse();
        assertThat(decide(floor, "com.slack.api", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
    }
}
