package dev.cfcheck.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops a library's log events below a floor, whatever level its loggers or the root are set to.
 *
 * <p>The Slack SDK logs request bodies (with {@code response_url}, a capability to post in the channel)
 * at WARN and DEBUG, and a token prefix at DEBUG; Jetty's DEBUG dumps the bytes it parses. A logger level
 * in logback.xml would be undone by anyone who raises that logger; a turbo filter runs before any level
 * is looked at, so {@code CFCHECK_ROOT_LOG_LEVEL=DEBUG} (or TRACE on the library itself) cannot open them.
 *
 * <pre>{@code
 * <turboFilter class="dev.cfcheck.bot.logging.LibraryLogFloor">
 *   <logger>com.slack.api</logger>
 *   <floor>ERROR</floor>
 * </turboFilter>
 * }</pre>
 */
public final class LibraryLogFloor extends TurboFilter {

    private String prefix;
    private Level floor = Level.ERROR;

    /** The logger name to hold down, and every logger below it. */
    public void setLogger(String name) {
        this.prefix = name;
    }

    /** The lowest level let through (ERROR unless set). */
    public void setFloor(String level) {
        this.floor = Level.toLevel(level, Level.ERROR);
    }

    @Override
    public void start() {
        if (prefix == null || prefix.isBlank()) {
            addError("LibraryLogFloor needs a <logger> name");
            return;
        }
        super.start();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!isStarted() || level == null || level.isGreaterOrEqual(floor) || !within(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }

    private boolean within(String name) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
    }
}
