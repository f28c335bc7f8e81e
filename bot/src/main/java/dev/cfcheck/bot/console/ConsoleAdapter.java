package dev.cfcheck.bot.console;

import dev.cfcheck.bot.render.terminal.TerminalRenderer;
import dev.cfcheck.bot.render.terminal.TerminalText;
import dev.cfcheck.bot.router.Admission;
import dev.cfcheck.bot.router.CommandContext;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RouterReply;
import dev.cfcheck.bot.adapter.BotAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /cfcheck ...} lines from standard input and prints the card: the try-it-locally path.
 * One command at a time, in order; end of input (or {@code exit}) ends the adapter.
 */
public final class ConsoleAdapter implements BotAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdapter.class);
    /** Longer lines are cut here: no command is this long, and input must not grow memory without bound. */
    static final int MAX_LINE = 4_096;

    private final CommandRouter router;
    private final InputStream in;
    private final PrintStream out;
    private final boolean prompt;
    private final TerminalRenderer renderer = new TerminalRenderer(false);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;
    private Thread reader;

    /**
     * @param prompt print a prompt before each line (when a person is typing at a terminal)
     */
    public ConsoleAdapter(CommandRouter router, InputStream in, PrintStream out, boolean prompt) {
        this.router = router;
        this.in = in;
        this.out = out;
        this.prompt = prompt;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void start() {
        reader = new Thread(this::readLoop, "cfcheck-console");
        // Daemon: a read blocked on a terminal must not keep the JVM alive once the other adapters end.
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            if (prompt) {
                out.println("cfcheck console: type /cfcheck example.com, /cfcheck help, or exit.");
            }
            while (!stopping) {
                if (prompt) {
                    out.print("cfcheck> ");
                    out.flush();
                }
                String line = readLine(r);
                if (line == null) {
                    break;
                }
                String command = line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                if (command.equalsIgnoreCase("exit") || command.equalsIgnoreCase("quit")) {
                    break;
                }
                try {
                    handle(command);
                } catch (RuntimeException e) {
                    // One bad line must not end the console; the operator sees one line, the log keeps the rest.
                    LOG.warn("console: '{}' failed inside cfcheck", TerminalText.safe(command, 200), e);
                    out.println("cfcheck: " + RouterReply.Refusal.UNHANDLED.text());
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                out.println("cfcheck: standard input failed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
            ended.countDown();
        }
    }

    private void handle(String command) throws InterruptedException {
        Admission admission = router.submit(CommandContext.console(), command);
        if (admission instanceof Admission.Answered answered) {
            print(answered.reply());
        } else if (admission instanceof Admission.Started started) {
            out.println(started.ackText());
            out.flush();
            try {
                print(started.reply().get());
            } catch (ExecutionException e) {
                // The router completes every reply normally; this is only a guard.
                out.println("cfcheck: the check failed (ref " + started.referenceId() + ")");
            }
        }
        out.flush();
    }

    private void print(RouterReply reply) {
        if (reply instanceof RouterReply.CardReply c) {
            out.print(renderer.render(c.card()));
            // The final card of a preliminary one arrives later, between prompts: printed whole, once.
            c.replacement().thenAccept(card -> {
                if (card != null) {
                    synchronized (out) {
                        out.print("final verdict for " + card.domain() + ":\n" + renderer.render(card));
                        out.flush();
                    }
                }
            });
        } else if (reply instanceof RouterReply.DetailsReply d) {
            out.print(renderer.render(d.details()));
        } else if (reply instanceof RouterReply.Help h) {
            out.println(h.text());
        } else if (reply instanceof RouterReply.Refusal r) {
            out.println("cfcheck: " + r.text());
        } else if (reply instanceof RouterReply.Failure f) {
            out.println("cfcheck: " + f.text());
        }
    }

    /** A line without its terminator, at most {@link #MAX_LINE} characters (the rest is dropped), or null at end of input. */
    private static String readLine(Reader r) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = r.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (c != '\r' && b.length() < MAX_LINE) {
                b.append((char) c);
            }
        }
        return any ? b.toString() : null;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        ended.await();
    }

    @Override
    public void stop() {
        stopping = true;
        if (reader != null) {
            reader.interrupt();
        }
    }
}
