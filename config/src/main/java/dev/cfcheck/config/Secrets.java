package dev.cfcheck.config;

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
import java.util.Map;
import java.util.Optional;

/**
 * Reads credentials from the environment: the variable {@code NAME} itself, or the file named by
 * {@code NAME_FILE} (the Docker and Kubernetes secrets convention), its content trimmed. When both are set,
 * the variable wins and the file is not read; {@link Secret#source()} says so. A blank variable counts as unset.
 *
 * <p>Secrets never come from the YAML file (the loader refuses them there). Neither this class's
 * {@code toString} nor any message it produces contains a secret's value.
 */
public final class Secrets {

    /** The suffix of the variable that names a file holding the secret. */
    public static final String FILE_SUFFIX = "_FILE";

    /** Tokens are a few hundred bytes; a bigger file is the wrong file. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}), or a map in tests */
    public Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The secrets of this process's environment. */
    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    /**
     * Whether {@code NAME} or {@code NAME_FILE} is set, without reading any file: for telling "not configured"
     * from "half configured" (a bot token without its app token) before starting an adapter.
     */
    public boolean isSet(String name) {
        return present(name) || present(name + FILE_SUFFIX);
    }

    /**
     * The secret, or empty when neither {@code NAME} nor {@code NAME_FILE} is set.
     *
     * @throws ConfigException when {@code NAME_FILE} names a file that cannot be read or is empty
     */
    public Optional<Secret> find(String name) {
        String fileVariable = name + FILE_SUFFIX;
        if (present(name)) {
            String source = present(fileVariable)
                    ? "environment variable " + name + " (" + fileVariable + " is also set and ignored: the variable wins)"
                    : "environment variable " + name;
            return Optional.of(new Secret(name, source, environment.get(name).strip()));
        }
        if (present(fileVariable)) {
            String file = environment.get(fileVariable).strip();
            return Optional.of(new Secret(name, "file " + file + " (" + fileVariable + ")", readFile(fileVariable, file)));
        }
        return Optional.empty();
    }

    /**
     * The secret, which must be set.
     *
     * @throws ConfigException when neither variable is set, or the file cannot be read
     */
    public Secret require(String name) {
        return find(name).orElseThrow(() -> new ConfigException(name,
                "not set; set " + name + " or " + name + FILE_SUFFIX + " (naming a file that holds it) in the environment"));
    }

    @Override
    public String toString() {
        return "Secrets[read from the environment or <VAR>" + FILE_SUFFIX + " files]";
    }

    private boolean present(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }

    private static String readFile(String fileVariable, String file) {
        String problem;
        try {
            Path path = Path.of(file);
            byte[] bytes;
            if (Files.isDirectory(path)) {
                problem = "is a directory";
            } else if (Files.exists(path) && !Files.isRegularFile(path)) {
                // A device or a pipe: /dev/zero has size 0 and never ends, a FIFO would block start-up.
                problem = "is not a regular file";
            } else if ((bytes = readAtMost(path, MAX_FILE_BYTES + 1)).length > MAX_FILE_BYTES) {
                problem = "is larger than 64 KiB; is it the right file?";
            } else {
                String value = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString()
                        .strip();
                if (!value.isEmpty()) {
                    return value;
                }
                problem = "is empty";
            }
        } catch (InvalidPathException e) {
            problem = "is not a file path";
        } catch (NoSuchFileException e) {
            problem = "does not exist";
        } catch (AccessDeniedException e) {
            problem = "cannot be read: permission denied";
        } catch (CharacterCodingException e) {
            problem = "is not UTF-8 text";
        } catch (IOException e) {
            // The exception's message could quote content; its type is enough to go on.
            problem = "cannot be read: " + e.getClass().getSimpleName();
        }
        throw new ConfigException(fileVariable, "the file it names, " + file + ", " + problem);
    }

    /** Reads no more than {@code limit} bytes: the size on disk can change, or not be known, before the read. */
    private static byte[] readAtMost(Path path, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes((int) limit);
        }
    }
}
