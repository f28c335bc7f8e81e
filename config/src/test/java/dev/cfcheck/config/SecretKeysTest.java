package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials put in the YAML file are refused, pointing at the environment, and never repeated. */
class SecretKeysTest {

    private static final String VALUE = "xoxb-9999-s3cr3t-n0t-t0-b3-3ch03d";

    @ParameterizedTest(name = "{0} under ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "slackBotToken      | ''              | 1 | SLACK_BOT_TOKEN",
            "slackAppToken      | bot             | 2 | SLACK_APP_TOKEN",
            "signingSecret      | bot             | 2 | SLACK_SIGNING_SECRET",
            "slackSigningSecret | ''              | 1 | SLACK_SIGNING_SECRET",
            "discordToken       | bot             | 2 | DISCORD_TOKEN",
            "token              | ''              | 1 | SLACK_BOT_TOKEN or SLACK_APP_TOKEN or DISCORD_TOKEN or CLOUDFLARE_API_TOKEN",
            "botToken           | bot             | 2 | SLACK_BOT_TOKEN",
            "password           | bot/access      | 3 | SLACK_BOT_TOKEN or SLACK_APP_TOKEN or SLACK_SIGNING_SECRET or DISCORD_TOKEN or CLOUDFLARE_API_TOKEN",
            "apiKey             | domains/example.com | 3 | SLACK_BOT_TOKEN or SLACK_APP_TOKEN or SLACK_SIGNING_SECRET or DISCORD_TOKEN or CLOUDFLARE_API_TOKEN",
            "cloudflareApiToken | ''              | 1 | CLOUDFLARE_API_TOKEN",
            "apiToken           | domains/example.com | 3 | CLOUDFLARE_API_TOKEN",
    })
    void secretKeyInTheFileIsRefusedPointingAtTheEnvironment(String key, String section, int line, String variables) {
        String yaml = nested(section, key + ": " + VALUE);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "cfcheck.yml"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .startsWith("cfcheck.yml line " + line + ": '" + key + "' looks like a secret")
                .contains("never read from the config file", "set " + variables + " in the environment", "_FILE")
                .doesNotContain(VALUE);
        assertThat(e.key()).isEqualTo(section.isEmpty() ? key : section.replace('/', '.') + "." + key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mapping value on the secret's line | 'slackBotToken: " + VALUE + ": oops'",
            "tab before the secret              | 'bot:\n\tslackBotToken: " + VALUE + "'",
            "unclosed quote                     | 'slackBotToken: \"" + VALUE + "'",
            "secret as a domain note list       | 'domains:\n  example.com:\n    notes: [" + VALUE + "]'",
    })
    void brokenLineHoldingASecretIsNotEchoedInTheError(String name, String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "cfcheck.yml"));

        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).doesNotContain(VALUE).doesNotContain("\n");
    }

    /** The line placed under the section, given as keys separated by '/' ("bot/access"). */
    private static String nested(String section, String line) {
        if (section.isEmpty()) {
            return line + "\n";
        }
        StringBuilder yaml = new StringBuilder();
        String indent = "";
        for (String part : section.split("/")) {
            yaml.append(indent).append(part).append(":\n");
            indent += "  ";
        }
        return yaml.append(indent).append(line).append('\n').toString();
    }
}
