package dev.cfcheck.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the one YAML config file: named by {@code --config} (passed in by the caller) or else by the
 * environment variable {@code CFCHECK_CONFIG}; with neither, every setting has its default.
 *
 * <p>Every problem is a {@link ConfigException} with one line naming the file, the line and the key:
 * unknown keys, values of the wrong kind or out of range, YAML syntax errors, and secrets (which belong in the
 * environment, see {@link Secrets}).
 */
public final class ConfigLoader {

    /** The environment variable naming the config file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "CFCHECK_CONFIG";

    /** A config file is a page of settings; anything this big is the wrong file. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = newMapper();

    private ConfigLoader() {
    }

    /**
     * The config from {@code --config} if given, else from {@code CFCHECK_CONFIG}, else the defaults.
     *
     * @param configOption the value of {@code --config}, or null when not given
     * @param environment  the process environment (pass {@code System.getenv()})
     * @throws ConfigException when the file named cannot be read or is not a valid config
     */
    public static CfcheckConfig load(String configOption, Map<String, String> environment) {
        Optional<Path> file = locate(configOption, environment);
        return file.isPresent() ? load(file.get()) : CfcheckConfig.DEFAULTS;
    }

    /**
     * Which file {@link #load(String, Map)} reads: {@code --config} first, then {@code CFCHECK_CONFIG}; empty
     * when neither is set (blank counts as unset).
     */
    public static Optional<Path> locate(String configOption, Map<String, String> environment) {
        String named = configOption != null && !configOption.isBlank() ? configOption : environment.get(CONFIG_VARIABLE);
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(named.strip()));
        } catch (InvalidPathException e) {
            throw new ConfigException(named.strip(), "not a file path: " + e.getReason());
        }
    }

    /**
     * Reads and validates one config file. Relative paths inside it ({@code cloudflareRanges}, {@code caFile})
     * are taken from the file's directory.
     *
     * @throws ConfigException naming the file, line and key of the first problem
     */
    public static CfcheckConfig load(Path file) {
        String source = file.toString();
        String text = read(file, source);
        Path directory = file.toAbsolutePath().getParent();
        return parse(text, source).withPathsFrom(directory);
    }

    /**
     * Validates config text (no file involved; relative paths stay relative).
     *
     * @param source the name used in messages, e.g. {@code cfcheck.yml}
     * @throws ConfigException naming the source, line and key of the first problem
     */
    public static CfcheckConfig parse(String yaml, String source) {
        KeyLines lines;
        try (JsonParser p = MAPPER.createParser(yaml)) {
            lines = KeyLines.scan(p);
        } catch (JacksonException e) {
            throw ConfigProblems.syntax(e, source);
        } catch (IOException e) {
            throw new ConfigException(source, "cannot read: " + e.getClass().getSimpleName());
        }
        if (lines.secondDocumentLine() > 0) {
            throw new ConfigException(source, lines.secondDocumentLine(), null,
                    "a second YAML document starts here; the config is one document");
        }
        if (lines.isEmpty()) {
            return CfcheckConfig.DEFAULTS;
        }
        try {
            return MAPPER.readValue(yaml, CfcheckConfig.class);
        } catch (JacksonException e) {
            throw ConfigProblems.binding(e, lines, source);
        }
    }

    private static String read(Path file, String source) {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(source, "cannot read the config file: it is a directory");
            }
            // Read no more than the limit: a pipe (--config <(...)) or a device has no size to check first.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(source, "the config file is larger than 1 MiB; is it the right file?");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "cannot read the config file: no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, "cannot read the config file: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, "the config file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(source, "cannot read the config file: " + e.getClass().getSimpleName());
        }
    }

    private static ObjectMapper newMapper() {
        YAMLFactory yaml = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // "example.com:" with nothing after it means "no settings", not the text "".
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
        ObjectMapper mapper = YAMLMapper.builder(yaml)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 1.5 for a count is a mistake, not 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "origins: 203.0.113.10" is a list of one.
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .addModule(new SimpleModule("cfcheck-durations").addDeserializer(Duration.class, new DurationDeserializer()))
                .build();
        // "allowPrivate: 1" is not a clear yes.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
