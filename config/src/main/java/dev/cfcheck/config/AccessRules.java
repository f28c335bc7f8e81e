package dev.cfcheck.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bot may be used and for what, so that a public app is no free scanner. Each list that is empty
 * (or unset in the file) means no restriction on that axis. Data only: the bot's router applies them.
 *
 * @param workspaces Slack team ids ({@code T0123ABCD})
 * @param guilds     Discord guild ids
 * @param channels   Slack channel ids and Discord channel ids, mixed
 * @param domains    hostnames and wildcards ({@code *.example.com}) that may be checked
 */
public record AccessRules(List<String> workspaces, List<String> guilds, List<String> channels, List<HostPattern> domains) {

    public static final AccessRules NONE = new AccessRules(List.of(), List.of(), List.of(), List.of());

    public AccessRules {
        workspaces = Validation.ids("workspaces", workspaces);
        guilds = Validation.ids("guilds", guilds);
        channels = Validation.ids("channels", channels);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    @JsonCreator
    static AccessRules fromYaml(
            @JsonProperty("workspaces") List<String> workspaces,
            @JsonProperty("guilds") List<String> guilds,
            @JsonProperty("channels") List<String> channels,
            @JsonProperty("domains") List<String> domains) {
        List<HostPattern> patterns = new ArrayList<>();
        if (domains != null) {
            for (int i = 0; i < domains.size(); i++) {
                try {
                    patterns.add(HostPattern.of(domains.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new BadValue(KeyPath.of("domains", i), e.getMessage());
                }
            }
        }
        return new AccessRules(workspaces, guilds, channels, patterns);
    }
}
