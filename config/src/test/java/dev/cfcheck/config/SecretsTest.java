package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    private static final String TOKEN = "xoxb-1111-2222-s3cr3tv4lu3";

    @TempDir
    Path dir;

    @Test
    void secretFromTheVariableIsTrimmed() {
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN", "  " + TOKEN + "\n"));

        Secret secret = secrets.require("SLACK_BOT_TOKEN");

        assertThat(secret.value()).isEqualTo(TOKEN);
        assertThat(secret.name()).isEqualTo("SLACK_BOT_TOKEN");
        assertThat(secret.source()).isEqualTo("environment variable SLACK_BOT_TOKEN");
        assertThat(secrets.isSet("SLACK_BOT_TOKEN")).isTrue();
    }

    @Test
    void secretFromTheFileNamedByTheFileVariableIsTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("slack-bot-token"), TOKEN + "\n");
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", file.toString()));

        Secret secret = secrets.find("SLACK_BOT_TOKEN").orElseThrow();

        assertThat(secret.value()).isEqualTo(TOKEN);
        assertThat(secret.source()).isEqualTo("file " + file + " (SLACK_BOT_TOKEN_FILE)");
        assertThat(secrets.isSet("SLACK_BOT_TOKEN")).isTrue();
    }

    @Test
    void whenBothAreSetTheVariableWinsAndTheFileIsNotRead() {
        Secrets secrets = new Secrets(Map.of(
                "DISCORD_TOKEN", TOKEN,
                "DISCORD_TOKEN_FILE", dir.resolve("missing").toString()));

        Secret secret = secrets.require("DISCORD_TOKEN");

        assertThat(secret.value()).isEqualTo(TOKEN);
        assertThat(secret.source()).contains("DISCORD_TOKEN_FILE is also set and ignored: the variable wins");
    }

    @Test
    void blankVariableCountsAsUnsetAndTheFileIsUsed() throws IOException {
        Path file = Files.writeString(dir.resolve("app-token"), "xapp-from-file");
        Secrets secrets = new Secrets(Map.of("SLACK_APP_TOKEN", " ", "SLACK_APP_TOKEN_FILE", file.toString()));

        assertThat(secrets.require("SLACK_APP_TOKEN").value()).isEqualTo("xapp-from-file");
    }

    @Test
    void unsetSecretIsEmptyAndRequireNamesBothVariables() {
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN", TOKEN));

        assertThat(secrets.find("SLACK_SIGNING_SECRET")).isEmpty();
        assertThat(secrets.isSet("SLACK_SIGNING_SECRET")).isFalse();
        assertThatThrownBy(() -> secrets.require("SLACK_SIGNING_SECRET"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("SLACK_SIGNING_SECRET: not set; set SLACK_SIGNING_SECRET or SLACK_SIGNING_SECRET_FILE"
                        + " (naming a file that holds it) in the environment");
    }

    @Test
    void fileVariableNamingAMissingFileFailsClearly() {
        Path missing = dir.resolve("nope");
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", missing.toString()));

        assertThatThrownBy(() -> secrets.find("SLACK_BOT_TOKEN"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("SLACK_BOT_TOKEN_FILE: the file it names, " + missing + ", does not exist");
        // isSet only says something was configured; reading is what fails.
        assertThat(secrets.isSet("SLACK_BOT_TOKEN")).isTrue();
    }

    @Test
    void fileVariableNamingADirectoryFailsClearly() {
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", dir.toString()));

        assertThatThrownBy(() -> secrets.find("SLACK_BOT_TOKEN"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("is a directory");
    }

    @Test
    void fileVariableNamingAnEmptyFileFailsClearly() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", empty.toString()));

        assertThatThrownBy(() -> secrets.find("SLACK_BOT_TOKEN"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("is empty");
    }

    @Test
    void fileVariableNamingAHugeFileIsRefusedWithoutEchoingIt() throws IOException {
        Path huge = Files.writeString(dir.resolve("huge"), TOKEN.repeat(5000));
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", huge.toString()));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> secrets.find("SLACK_BOT_TOKEN"));

        assertThat(e.getMessage()).contains("larger than 64 KiB").doesNotContain(TOKEN);
    }

    @Test
    void fileVariableNamingADeviceThatNeverEndsIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "this system has /dev/zero");
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN_FILE", zero.toString()));

        assertThatThrownBy(() -> secrets.find("SLACK_BOT_TOKEN"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("is not a regular file");
    }

    @Test
    void secretValueIsInNoToStringAndNoMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TOKEN);
        Secrets secrets = new Secrets(Map.of("SLACK_BOT_TOKEN", TOKEN, "DISCORD_TOKEN_FILE", file.toString()));

        Secret fromVariable = secrets.require("SLACK_BOT_TOKEN");
        Secret fromFile = secrets.require("DISCORD_TOKEN");

        assertThat(secrets.toString()).doesNotContain(TOKEN);
        assertThat(fromVariable.toString()).doesNotContain(TOKEN).isEqualTo("Secret[SLACK_BOT_TOKEN from environment variable SLACK_BOT_TOKEN]");
        assertThat(fromFile.toString()).doesNotContain(TOKEN).contains("DISCORD_TOKEN", file.toString());
        assertThat(String.valueOf(java.util.List.of(fromVariable, fromFile))).doesNotContain(TOKEN);
        assertThat(fromVariable.source()).doesNotContain(TOKEN);
    }
}
