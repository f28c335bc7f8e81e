package dev.cfcheck.bot.runtime;

import dev.cfcheck.bot.router.AccessRules;
import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.bot.router.DomainPattern;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.ReplyVisibility;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.bot.wiring.CheckerFactory;
import dev.cfcheck.bot.wiring.ConfigRequestFactory;
import dev.cfcheck.bot.wiring.RuntimeSettings;
import dev.cfcheck.check.Checker;
import dev.cfcheck.config.BotSettings;
import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.config.ConfigLoader;
import dev.cfcheck.config.HostPattern;
import dev.cfcheck.config.RateLimit;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real parts: the config file ({@code --config} or {@code CFCHECK_CONFIG}), the core's
 * {@link Checker}, {@link TargetParser} and {@link OriginParser}, and the config's {@code bot} section
 * turned into router settings.
 */
public final class ConfigBotWiring implements BotWiring {

    private final Map<String, String> environment;

    public ConfigBotWiring(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public BotParts load(Path configFile) {
        CfcheckConfig config = ConfigLoader.load(configFile == null ? null : configFile.toString(), environment);
        RuntimeSettings settings = RuntimeSettings.from(config);
        Checker checker = CheckerFactory.create(settings, environment);
        return new BotParts(checker,
                input -> TargetParser.parse(input, settings.allowPrivate()),
                // Named in chat: Cloudflare's ports and the safe-target policy, refused in one line before any check.
                input -> OriginParser.parse(input, settings.allowPrivate()),
                requests(config, settings),
                routerSettings(config.bot()),
                checker);
    }

    /** The user's origins win; without them the config's for the domain; plus the domain's SSL mode and notes. */
    static CheckRequestFactory requests(CfcheckConfig config, RuntimeSettings settings) {
        return new ConfigRequestFactory(config, settings);
    }

    /** The config's lists are "empty = no restriction"; the router's are "null = no restriction". */
    static RouterSettings routerSettings(BotSettings bot) {
        dev.cfcheck.config.AccessRules a = bot.access();
        AccessRules access = new AccessRules(
                orNull(a.workspaces()), orNull(a.guilds()), orNull(a.channels()),
                a.domains().isEmpty() ? null : a.domains().stream().map(HostPattern::toString).map(DomainPattern::parse).toList());
        RateLimits limits = new RateLimits(limit(bot.rateLimits().perUser()), limit(bot.rateLimits().perChannel()));
        ReplyVisibility visibility = bot.replyVisibility() == dev.cfcheck.config.ReplyVisibility.EPHEMERAL
                ? ReplyVisibility.EPHEMERAL : ReplyVisibility.IN_CHANNEL;
        return RouterSettings.DEFAULTS.withShowOriginAddress(bot.showOriginAddress()).withReplyVisibility(visibility)
                .withAccess(access).withRateLimits(limits);
    }

    private static Set<String> orNull(List<String> ids) {
        return ids.isEmpty() ? null : new HashSet<>(ids);
    }

    private static RateLimits.Limit limit(RateLimit l) {
        return new RateLimits.Limit(l.requests(), l.per());
    }
}
