package dev.cfcheck.bot.wiring;

import dev.cfcheck.bot.router.CheckRequestFactory;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.config.DomainEntry;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.Target;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated target, the origins the user named and {@code fresh} into a {@link CheckRequest}, adding
 * what the config knows about the domain: its origins (unless the user named some), the expected SSL mode and
 * the notes; and the process settings (resolver, deadline, safe-target policy). The CLI and the bot share it.
 */
public final class ConfigRequestFactory implements CheckRequestFactory {

    private final CfcheckConfig config;
    private final RuntimeSettings settings;

    public ConfigRequestFactory(CfcheckConfig config, RuntimeSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /**
     * @throws dev.cfcheck.site.BadInputException with a one-line message when the config's origins are too many
     */
    @Override
    public CheckRequest create(Target target, List<OriginEndpoint> origins, boolean fresh) {
        Optional<DomainEntry> entry = config.domain(target.host());
        List<OriginEndpoint> endpoints = !origins.isEmpty()
                ? origins
                : entry.map(DomainEntry::origins).orElse(List.of()).stream().map(OriginParser::parse).toList();
        DomainSettings domain = entry.map(ConfigRequestFactory::settingsOf).orElse(DomainSettings.NONE);
        return new CheckRequest(target, endpoints, settings.resolver(), settings.allowPrivate(),
                settings.timeout(), fresh, domain);
    }

    private static DomainSettings settingsOf(DomainEntry entry) {
        SslMode mode = entry.sslMode() == null ? null : SslMode.valueOf(entry.sslMode().name());
        return new DomainSettings(mode, entry.notes());
    }
}
