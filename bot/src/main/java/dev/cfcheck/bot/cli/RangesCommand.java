package dev.cfcheck.bot.cli;

import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.config.CloudflareApiSettings;
import dev.cfcheck.config.ConfigException;
import dev.cfcheck.config.ConfigLoader;
import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.CloudflareRanges;
import dev.cfcheck.site.update.RangesDownload;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cfcheck ranges update}: refreshes the Cloudflare ranges file the config names from the API's {@code /ips}. */
@Command(name = "ranges", description = "Cloudflare's IP ranges: where cfcheck tells a proxied address from a direct one.",
        subcommands = {RangesCommand.Update.class, RangesCommand.Show.class})
public final class RangesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: update or show");
    }

    @Command(name = "update", description = "Fetch Cloudflare's current ranges (GET <CLOUDFLARE_API_URL>/ips, no token"
            + " needed) and write them to the config's cloudflareRanges file (or --output); the bundled copy stays the"
            + " fallback, and the file is only replaced by a list that parsed whole.")
    static final class Update implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--output", paramLabel = "FILE", description = "Write here (default: the config's cloudflareRanges).")
        Path output;

        @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $CFCHECK_CONFIG).")
        Path configFile;

        @Option(names = "--api-url", paramLabel = "URL",
                description = "Cloudflare's API base (default: $CLOUDFLARE_API_URL, else https://api.cloudflare.com/client/v4).")
        String apiUrl;

        @Override
        public Integer call() {
            try {
                Path file = output != null ? output : configured();
                // The same address rules as the API lookups ($CLOUDFLARE_API_URL, https but on loopback).
                String base = apiUrl == null ? CloudflareApiSettings.apiUrl(System.getenv()) : CloudflareApiSettings.baseUrl(apiUrl);
                RangesDownload download = new RangesDownload(HttpUrl.get(base));
                RangesDownload.Fetched fetched = download.fetch();
                CloudflareRanges written = download.write(fetched, file);
                spec.commandLine().getOut().println("cfcheck: wrote " + fetched.ipv4().size() + " IPv4 and "
                        + fetched.ipv6().size() + " IPv6 ranges to " + file + " (" + written.describe() + ")");
                return ExitCodes.OK;
            } catch (BadInputException | ConfigException e) {
                spec.commandLine().getErr().println("cfcheck: " + Main.oneLine(e));
                return ExitCodes.BAD_INPUT;
            }
        }

        private Path configured() {
            CfcheckConfig config = ConfigLoader.load(configFile == null ? null : configFile.toString(), System.getenv());
            if (config.cloudflareRanges() == null) {
                throw new BadInputException("the config names no cloudflareRanges file: set it, or pass --output FILE");
            }
            return config.cloudflareRanges();
        }
    }

    @Command(name = "show", description = "Say which ranges list a check would use, and its date.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: $CFCHECK_CONFIG).")
        Path configFile;

        @Override
        public Integer call() {
            try {
                CfcheckConfig config = ConfigLoader.load(configFile == null ? null : configFile.toString(), System.getenv());
                CloudflareRanges ranges = config.cloudflareRanges() == null
                        ? CloudflareRanges.bundled() : CloudflareRanges.load(config.cloudflareRanges());
                spec.commandLine().getOut().println("Cloudflare ranges: " + ranges.describe() + ", "
                        + ranges.cidrs().size() + " ranges");
                return ExitCodes.OK;
            } catch (BadInputException | ConfigException e) {
                spec.commandLine().getErr().println("cfcheck: " + Main.oneLine(e));
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
