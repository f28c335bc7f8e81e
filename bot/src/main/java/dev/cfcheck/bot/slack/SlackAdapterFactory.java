package dev.cfcheck.bot.slack;

import dev.cfcheck.bot.card.Clip;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.adapter.AdapterFactory;
import dev.cfcheck.bot.adapter.AdapterPlan;
import dev.cfcheck.bot.adapter.Environment;
import dev.cfcheck.site.IpLiteral;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Reads the Slack variables: SLACK_APP_TOKEN + SLACK_BOT_TOKEN for Socket Mode (preferred), else
 * SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN for HTTP mode on SLACK_BIND (default all interfaces) and SLACK_PORT
 * (default 3000); SLACK_API_URL for a proxy or stand-in. A partial set keeps Slack off with one line naming what is missing.
 */
public final class SlackAdapterFactory implements AdapterFactory {

    static final String APP_TOKEN = "SLACK_APP_TOKEN";
    static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    static final String PORT = "SLACK_PORT";
    static final String BIND = "SLACK_BIND";
    static final String API_URL = "SLACK_API_URL";

    @Override
    public AdapterPlan plan(Environment env, CommandRouter router) {
        String app = env.get(APP_TOKEN);
        String bot = env.get(BOT_TOKEN);
        String secret = env.get(SIGNING_SECRET);
        if (app == null && bot == null && secret == null) {
            return new AdapterPlan.NotConfigured();
        }
        if (bot == null) {
            String have = app != null ? APP_TOKEN : SIGNING_SECRET;
            return off(have + " is set but " + BOT_TOKEN + " is missing");
        }
        if (app == null && secret == null) {
            return off(BOT_TOKEN + " is set but " + APP_TOKEN + " (Socket Mode) or " + SIGNING_SECRET + " (HTTP mode) is missing");
        }
        if (!bot.startsWith("xox") || bot.length() < 16) {
            return off(BOT_TOKEN + " does not look like a bot token (xoxb-...)");
        }
        if (app != null && !app.startsWith("xapp-")) {
            return off(APP_TOKEN + " must be an app-level token (xapp-...) with connections:write");
        }
        String apiUrl = env.get(API_URL);
        if (apiUrl != null && !isHttpUrl(apiUrl)) {
            return off(API_URL + " must be an http(s) URL such as " + SlackSettings.DEFAULT_API_URL);
        }
        if (app != null) {
            return new AdapterPlan.Ready(new SlackAdapter(SlackSettings.socketMode(bot, app, apiUrl), router));
        }
        int port = SlackSettings.DEFAULT_PORT;
        String portText = env.get(PORT);
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                return off(PORT + " must be a port number from 1 to 65535");
            }
        }
        String bindText = env.get(BIND);
        String bind = SlackSettings.DEFAULT_BIND;
        if (bindText != null) {
            // An IP literal only: a host name would mean a DNS lookup at start, and a name can point anywhere.
            Optional<InetAddress> address = IpLiteral.parse(bindText.strip());
            if (address.isEmpty()) {
                return off(BIND + " must be an IP address such as 0.0.0.0, :: or 127.0.0.1, not '" + Clip.line(bindText, 60) + "'");
            }
            bind = IpLiteral.format(address.get());
        }
        return new AdapterPlan.Ready(new SlackAdapter(SlackSettings.httpMode(bot, secret, bind, port, apiUrl), router));
    }

    private static AdapterPlan off(String why) {
        return new AdapterPlan.Misconfigured("Slack is off: " + why + ".");
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
