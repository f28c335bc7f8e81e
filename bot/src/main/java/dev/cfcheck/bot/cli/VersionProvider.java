package dev.cfcheck.bot.cli;

import dev.cfcheck.site.CloudflareRanges;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar at build time. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        // The bundled ranges' date: a stale list misreads new Cloudflare addresses (see `cfcheck ranges update`).
        return new String[] {"cfcheck " + version(), "Cloudflare ranges: " + CloudflareRanges.bundled().describe()};
    }

    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/cfcheck/bot/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
