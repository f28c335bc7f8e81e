package dev.cfcheck.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The manifest people paste into Slack declares exactly what the adapter relies on. */
class SlackAppManifestTest {

    @Test
    void manifestDeclaresTheCommandSocketModeInteractivityAndOnlyTheCommandsScope() throws Exception {
        JsonNode m = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "slack-app-manifest.yml").toFile());

        JsonNode commands = m.at("/features/slash_commands");
        assertThat(commands.size()).isEqualTo(1);
        assertThat(commands.get(0).get("command").asText()).isEqualTo(SlackCommands.COMMAND);
        assertThat(commands.get(0).get("should_escape").isBoolean()).isTrue();
        assertThat(commands.get(0).get("should_escape").asBoolean()).isFalse();
        assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        JsonNode scopes = m.at("/oauth_config/scopes");
        assertThat(scopes.get("bot").size()).isEqualTo(1);
        assertThat(scopes.get("bot").get(0).asText()).isEqualTo("commands");
        assertThat(scopes.has("user")).isFalse();
        assertThat(m.at("/display_information/name").asText()).isEqualTo("cfcheck");
    }
}
