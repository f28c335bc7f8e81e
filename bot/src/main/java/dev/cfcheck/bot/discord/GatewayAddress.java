package dev.cfcheck.bot.discord;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * Points JDA at a gateway other than Discord's. JDA takes the gateway address from its session controller,
 * not from the REST base URL, so a proxy or a local stand-in needs both.
 */
final class GatewayAddress extends SessionControllerAdapter {
    private final String url;

    GatewayAddress(String url) {
        this.url = url;
    }

    @Override
    public String getGateway() {
        return url;
    }
}
