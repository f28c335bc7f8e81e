package dev.cfcheck.bot.wiring;

import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.config.CfcheckConfig;
import dev.cfcheck.config.DomainEntry;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.diagnosis.SslMode;
import dev.cfcheck.target.OriginEndpoint;
import dev.cfcheck.target.OriginParser;
import dev.cfcheck.target.Target;
import dev.cfcheck.target.TargetParser;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed (target, origins, fresh) into a {@link CheckRequest}, adding what the config knows
 * about the domain: its origins (unless the user named some), expected SSL mode and notes.
 */
public final class RequestFactory {

    private final CfcheckConfig config;
    private final RuntimeSettings settings;

    public RequestFactory(CfcheckConfig config, RuntimeSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    /**
     * @throws dev.cfcheck.target.BadInputException with a one-line message for bad input
     */
    public CheckRequest request(String input, List<String> origins, boolean fresh) {
        Target target = TargetParser.parse(input, settings.allowPrivate());
        Optional<DomainEntry> entry = config.domain(target.host());
        List<String> originTexts = !origins.isEmpty() ? origins : entry.map(DomainEntry::origins).orElse(List.of());
        List<OriginEndpoint> endpoints = originTexts.stream().map(OriginParser::parse).toList();
        DomainSettings domain = entry.map(RequestFactory::settingsOf).orElse(DomainSettings.NONE);
        return new CheckRequest(target, endpoints, settings.resolver(), settings.allowPrivate(),
                settings.timeout(), fresh, domain);
    }

    private static DomainSettings settingsOf(DomainEntry entry) {
        SslMode mode = entry.sslMode() == null ? null : SslMode.parse(entry.sslMode().yamlName());
        return new DomainSettings(mode, entry.notes());
    }
}
