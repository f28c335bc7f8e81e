package dev.cfcheck.bot.cli;

import dev.cfcheck.bot.runtime.BotCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cfcheck} command line: {@code check} diagnoses one target, {@code bot} runs the chat adapters. */
@Command(
        name = "cfcheck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnoses Cloudflare errors (52x, 1xxx, challenges, redirect loops...) for a domain.",
        subcommands = {CheckCommand.class, BotCommand.class, RangesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, bot or ranges");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        boolean json = Arrays.asList(args).contains("--json");
        cli.setParameterExceptionHandler((ex, a) -> {
            // One clear line, never a usage dump; scripts asking for JSON get JSON.
            String message = ex.getMessage();
            if (json) {
                out.println(JsonError.of(message));
            }
            err.println("cfcheck: " + message);
            err.flush();
            out.flush();
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (json) {
                out.println(JsonError.of("internal error: " + ex.getClass().getSimpleName()));
            }
            err.println("cfcheck: internal error: " + oneLine(ex));
            err.flush();
            out.flush();
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
