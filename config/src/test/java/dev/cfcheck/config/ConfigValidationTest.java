package dev.cfcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake in the file fails at load with one line naming the file, the line and the key. */
class ConfigValidationTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // name, file, line, key (null when the problem is not a key's), words the message must have
                mistake("misspelled top-level key", """
                        # cfcheck
                        timeout: 10s
                        timout: 5s
                        """, 3, "timout", "unknown key 'timout', did you mean 'timeout'? (known: timeout, followUp, resolver, allowPrivate,"),
                mistake("misspelled key whose value is a mapping points at the key, not the line below", """
                        timeout: 10s
                        treshholds:
                          slowFirstByte: 2s
                        """, 2, "treshholds", "unknown key 'treshholds', did you mean 'thresholds'?"),
                mistake("unknown nested key names its section", """
                        cache:
                          ttl: 60s
                          size: 5
                        """, 3, "cache.size", "unknown key 'size' in 'cache' (known: ttl, maxSize)"),
                mistake("unknown key after every known key of its section", "cache: { ttl: 1s, maxSize: 5, size: 3 }\n",
                        1, "cache.size", "unknown key 'size' in 'cache'"),
                mistake("known key in the wrong case", "Timeout: 10s\n", 1, "Timeout", "unknown key 'Timeout', did you mean 'timeout'?"),
                mistake("unknown key inside a domain entry", """
                        domains:
                          example.com:
                            origin: 203.0.113.10
                        """, 3, "domains.example.com.origin", "unknown key 'origin' in 'domains.example.com', did you mean 'origins'?"),
                mistake("duration with an unknown unit", "timeout: 10x\n", 1, "timeout", "timeout: not a duration"),
                mistake("negative duration", "cache:\n  ttl: -5s\n", 2, "cache.ttl", "cache.ttl: a duration cannot be negative"),
                mistake("zero timeout", "timeout: 0\n", 1, "timeout", "timeout: must be longer than zero"),
                mistake("timeout beyond the --timeout bound", "timeout: 5m\n", 1, "timeout", "timeout: must be at most 120s, got 300s"),
                mistake("follow-up beyond ten minutes", "followUp: 1h\n", 1, "followUp", "followUp: must be at most 600s, got 3600s"),
                mistake("negative follow-up", "followUp: -5s\n", 1, "followUp", "followUp"),
                mistake("duration longer than a year", "timeout: 99999999999999999999h\n", 1, "timeout", "cannot be longer than 365 days"),
                mistake("list where a duration belongs", "timeout: [10s]\n", 1, "timeout", "timeout: expected a duration"),
                mistake("negative cache size", """
                        cache:
                          ttl: 60s
                          maxSize: -5
                        """, 3, "cache.maxSize", "cache.maxSize: must be 0 or more, got -5"),
                mistake("fractional cache size", "cache:\n  maxSize: 1.5\n", 2, "cache.maxSize", "expected a whole number"),
                mistake("word for a cache size", "cache:\n  maxSize: lots\n", 2, "cache.maxSize", "expected a whole number"),
                mistake("cache size beyond int", "cache:\n  maxSize: 99999999999999999999\n", 2, "cache.maxSize", "number out of range"),
                mistake("negative certificate days", "thresholds:\n  certExpiryDays: -1\n", 2, "thresholds.certExpiryDays", "must be 0 or more"),
                mistake("zero requests in a rate limit", """
                        bot:
                          rateLimits:
                            perUser: { requests: 0, per: 60s }
                        """, 3, "bot.rateLimits.perUser.requests", "must be 1 or more, got 0"),
                mistake("rate limit without requests", """
                        bot:
                          rateLimits:
                            perChannel: { per: 30s }
                        """, 3, "bot.rateLimits.perChannel.requests", "missing"),
                mistake("unknown SSL mode", """
                        domains:
                          example.com:
                            sslMode: full-strict-ish
                        """, 3, "domains.example.com.sslMode", "unknown SSL mode 'full-strict-ish' (expected off, flexible, full or strict)"),
                mistake("hostname for an origin", """
                        domains:
                          example.com:
                            origins: ["203.0.113.10", "origin.example.com"]
                        """, 3, "domains.example.com.origins[1]", "'origin.example.com': expected an IP address with an optional port"),
                mistake("origin port zero", """
                        domains:
                          example.com:
                            origins:
                              - 203.0.113.10
                              - 203.0.113.11:0
                        """, 5, "domains.example.com.origins[1]", "port must be 1-65535"),
                mistake("origin port too high", "domains:\n  example.com:\n    origins: [\"[2001:db8::1]:65536\"]\n",
                        3, "domains.example.com.origins[0]", "port must be 1-65535"),
                mistake("IPv4 octet over 255", "domains:\n  example.com:\n    origins: [203.0.113.256]\n",
                        3, "domains.example.com.origins[0]", "not an IPv4 address"),
                mistake("octal-looking IPv4", "domains:\n  example.com:\n    origins: [010.0.0.1]\n",
                        3, "domains.example.com.origins[0]", "no leading zeros"),
                mistake("broken IPv6", "domains:\n  example.com:\n    origins: [\"2001:db8:::1\"]\n",
                        3, "domains.example.com.origins[0]", "not an IPv6 address"),
                mistake("resolver given as a name", "resolver: dns.google\n", 1, "resolver", "resolver: 'dns.google': expected an IP address"),
                mistake("domain key with a space", "domains:\n  exa mple.com:\n    sslMode: full\n", 2, "domains.exa mple.com", "not a hostname"),
                mistake("domain key with an inner wildcard", "domains:\n  \"a*.example.com\":\n", 2, "domains.a*.example.com", "wildcard is only allowed"),
                mistake("domain key in Unicode", "domains:\n  bücher.example:\n", 2, "domains.bücher.example", "ASCII form (punycode"),
                mistake("same domain twice in different case", "domains:\n  example.com:\n  Example.COM.:\n",
                        3, "domains.Example.COM.", "the same host as 'example.com'"),
                mistake("unknown reply visibility", "bot:\n  replyVisibility: loud\n", 2, "bot.replyVisibility",
                        "unknown reply visibility 'loud' (expected in_channel or ephemeral)"),
                mistake("bare wildcard as allowed domain", "bot:\n  access:\n    domains: [\"*\"]\n", 3, "bot.access.domains[0]", "wildcard is only allowed"),
                mistake("allowed domain with a slash", "bot:\n  access:\n    domains: [example.com/x]\n", 3, "bot.access.domains[0]", "not a hostname"),
                mistake("channel id with a space", "bot:\n  access:\n    channels: [\"C01 23\"]\n", 3, "bot.access.channels[0]", "expected an id without spaces"),
                mistake("word for a boolean", "allowPrivate: maybe\n", 1, "allowPrivate", "allowPrivate: expected true or false"),
                mistake("number for a boolean", "bot:\n  showOriginAddress: 1\n", 2, "bot.showOriginAddress", "expected true or false"),
                mistake("scalar where a section belongs", "cache: 5\n", 1, "cache", "cache: expected a mapping"),
                // A single value counts as a list of one, so a mapping is read as one bad item.
                mistake("mapping where a list belongs", "domains:\n  example.com:\n    origins: { a: 1 }\n",
                        3, "domains.example.com.origins[0]", "expected a single value (text), not a list or mapping"),
                mistake("mapping where the domains belong", "domains: [example.com]\n", 1, "domains", "domains: expected a mapping"),
                mistake("list where text belongs", "domains:\n  example.com:\n    notes: [a, b]\n", 3, "domains.example.com.notes", "expected a single value"),
                mistake("notes over the limit", "domains:\n  example.com:\n    notes: " + "n".repeat(1001) + "\n",
                        3, "domains.example.com.notes", "longer than 1000 characters"),
                mistake("list at the top of the file", "- timeout\n- 10s\n", 1, null, "expected a mapping of keys at the top of the file"),
                mistake("duplicate key", "timeout: 10s\ncache: {}\ntimeout: 5s\n", 3, null, "duplicate key 'timeout'"),
                mistake("YAML indentation error", "timeout: 10s\n  cache: 1\n", 2, null, "YAML syntax error: mapping values are not allowed here"),
                mistake("tab indentation", "cache:\n\tttl: 1s\n", 2, null, "YAML syntax error: found character '\\t(TAB)'"),
                mistake("unclosed flow list", "domains:\n  example.com:\n    origins: [203.0.113.10\n", 4, null,
                        "YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a flow sequence from line 3)"),
                mistake("two YAML documents", "timeout: 10s\n---\ntimeout: 5s\n", 3, null, "a second YAML document starts here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakeFailsWithOneLineNamingLineAndKey(String name, String yaml, int line, String key, String words) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, "cfcheck.yml"));

        assertThat(e).as("no exception for: %s", name).isNotNull();
        assertThat(e.getMessage()).startsWith("cfcheck.yml line " + line + ": ").contains(words).doesNotContain("\n", "\r");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.key()).isEqualTo(key);
        if (key != null) {
            // A bad value is named by its full key; an unknown key by its own name (and its section).
            boolean unknownKey = e.getMessage().contains(": unknown key '");
            assertThat(e.getMessage()).contains(unknownKey ? "'" + key.substring(key.lastIndexOf('.') + 1) + "'" : key);
        }
        // Operators read these: no Java type names or Jackson internals.
        assertThat(e.getMessage()).doesNotContain("java.", "Cannot deserialize", "dev.cfcheck", "`");
    }

    private static Arguments mistake(String name, String yaml, int line, String key, String words) {
        return Arguments.of(name, yaml, line, key, words);
    }
}
