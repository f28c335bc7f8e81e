package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import dev.cfcheck.bot.card.SampleReports;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.router.ScriptedCheckService;
import dev.cfcheck.bot.router.TestInputs;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The bot's own logback.xml with everything an operator can open opened (root at DEBUG, cfcheck's loggers
 * at DEBUG, even the libraries' loggers at TRACE): hostile and valid Slack requests leave no body, no token
 * and no response_url in the log.
 */
class SlackHttpLoggingTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BOT_TOKEN = "xoxb-000000-standin-bot-token";

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ScriptedCheckService checks = new ScriptedCheckService(r -> SampleReports.originTimeout(r.target().host()));
    private CommandRouter router;
    private SlackStandIn slack;
    private SlackAdapter adapter;

    @BeforeEach
    void logLikeTheBotAtDebug() throws Exception {
        logging.reset();
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(logging);
        config.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
        logging.getLogger("dev.cfcheck").setLevel(Level.DEBUG);
        logging.getLogger("com.slack.api").setLevel(Level.TRACE);
        logging.getLogger("org.eclipse.jetty").setLevel(Level.TRACE);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%level %logger %msg%n%ex");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(logging);
        capture.setEncoder(encoder);
        capture.setOutputStream(captured);
        capture.start();
        // Every logger that has appenders of its own (root, and those with additivity off) writes here instead.
        for (Logger logger : logging.getLoggerList()) {
            if (logger.iteratorForAppenders().hasNext()) {
                logger.detachAndStopAllAppenders();
                logger.addAppender(capture);
            }
        }
    }

    @AfterEach
    void restoreTestLogging() throws Exception {
        if (router != null) {
            router.close();
        }
        if (adapter != null) {
            adapter.stop();
        }
        if (slack != null) {
            slack.close();
        }
        logging.reset();
        new ContextInitializer(logging).autoConfig();
    }

    @Test
    void noBodyTokenOrResponseUrlIsLoggedAtDebug() throws Exception {
        slack = new SlackStandIn();
        router = CommandRouter.builder(checks).targets(TestInputs.TARGETS).origins(TestInputs.ORIGINS).settings(RouterSettings.DEFAULTS).build();
        adapter = new SlackAdapter(SlackSettings.httpMode(BOT_TOKEN, SECRET, "127.0.0.1", 0, slack.apiUrl()), router);
        adapter.start();
        SignedRequests requests = new SignedRequests(adapter.httpPort(), SECRET);
        String form = "application/x-www-form-urlencoded";

        // Unsigned and huge, with a forged log line inside.
        String huge = "text=HUGEBODY%0A2030-01-01T00:00:00Z ERROR forged line " + "A".repeat(900 * 1024);
        int tooLarge;
        try {
            tooLarge = requests.send(requests.to().header("Content-Type", form).POST(HttpRequest.BodyPublishers.ofString(huge))).statusCode();
        } catch (java.io.IOException e) {
            // The server answers 413 from the declared length and closes; a client still writing the body can see
            // the close ("broken pipe") before the answer. Either way nothing of the body was read or logged.
            tooLarge = 413;
        }
        // Signed with the wrong secret: a whole slash command with its token and response_url.
        String forged = SignedRequests.form(SignedRequests.slashCommand("FORGEDTEXT.example.com", slack.responseUrl("FORGEDURL"), "T1", "C1", "U1"));
        long now = Instant.now().getEpochSecond();
        int wrongSecret = requests.post(forged, now, SignedRequests.signature("not-the-secret", now, forged)).statusCode();
        // Signed, but nothing Bolt knows: Bolt's parser logs such a body at WARN.
        Map<String, String> unknown = new LinkedHashMap<>();
        unknown.put("token", "LEGACYTOKEN");
        unknown.put("mystery", "UNKNOWNBODY");
        unknown.put("response_url", slack.responseUrl("UNKNOWNURL"));
        int unrecognised = requests.post(SignedRequests.form(unknown)).statusCode();
        // Signed and valid: Bolt calls auth.test with the bot token and the card goes to the response_url.
        int valid = requests.post(SignedRequests.form(SignedRequests.slashCommand("example.com", slack.responseUrl("VALIDURL"), "T1", "C1", "U1"))).statusCode();
        slack.nextResponsePost();

        assertThat(tooLarge).isEqualTo(413);
        assertThat(wrongSecret).isEqualTo(401);
        assertThat(unrecognised).isNotEqualTo(200);
        assertThat(valid).isEqualTo(200);
        assertThat(slack.authTests.get()).isPositive();
        String log = captured.toString(StandardCharsets.UTF_8);
        // The capture works: cfcheck's own lines are there, at DEBUG too.
        assertThat(log).contains("Slack listening in HTTP mode").contains("Slack request refused: signature does not match")
                .contains("target=example.com");
        assertThat(log).doesNotContain("HUGEBODY").doesNotContain("forged line").doesNotContain("AAAAAAAAAA")
                .doesNotContain("FORGED").doesNotContain("UNKNOWN").doesNotContain("LEGACYTOKEN").doesNotContain("legacy-verification-token")
                .doesNotContain("VALIDURL").doesNotContain("/response/").doesNotContain(slack.responseUrl(""))
                .doesNotContain("xoxb-").doesNotContain(BOT_TOKEN.substring(5)).doesNotContain(SECRET)
                .doesNotContain("response_url").doesNotContain("trigger_id");
    }
}
