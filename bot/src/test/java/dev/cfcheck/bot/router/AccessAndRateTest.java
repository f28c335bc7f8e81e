package dev.cfcheck.bot.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccessAndRateTest {

    private static final CommandContext ALICE = new CommandContext(Platform.SLACK, "T1", "C1", "U-alice");
    private static final CommandContext BOB = new CommandContext(Platform.SLACK, "T1", "C1", "U-bob");

    @Test
    void domainPatternsMatchExactNamesAndWildcardSubdomains() {
        DomainPattern exact = DomainPattern.parse("Example.COM.");
        DomainPattern wild = DomainPattern.parse("*.example.com");
        assertThat(exact.matches("example.com")).isTrue();
        assertThat(exact.matches("www.example.com")).isFalse();
        assertThat(wild.matches("www.example.com")).isTrue();
        assertThat(wild.matches("a.b.example.com")).isTrue();
        assertThat(wild.matches("example.com")).isFalse();
        assertThat(wild.matches("evilexample.com")).isFalse();
        assertThat(wild.matches("example.com.evil.net")).isFalse();
        assertThat(DomainPattern.parse("bücher.example").matches("xn--bcher-kva.example")).isTrue();
    }

    @Test
    void unsetListsRestrictNothingAndSetListsRestrict() {
        assertThat(AccessRules.UNRESTRICTED.refusalFor(ALICE)).isNull();
        assertThat(AccessRules.UNRESTRICTED.refusalForHost(ALICE, "anything.example")).isNull();

        AccessRules rules = new AccessRules(Set.of("T1"), Set.of("G1"), Set.of("C1"), List.of(DomainPattern.parse("*.example.com")));
        assertThat(rules.refusalFor(ALICE)).isNull();
        assertThat(rules.refusalFor(new CommandContext(Platform.SLACK, "T2", "C1", "U"))).contains("not enabled for this workspace");
        assertThat(rules.refusalFor(new CommandContext(Platform.DISCORD, "G9", "C1", "U"))).contains("not enabled for this server");
        // Slack workspaces and Discord guilds are separate lists.
        assertThat(rules.refusalFor(new CommandContext(Platform.DISCORD, "G1", "C1", "U"))).isNull();
        assertThat(rules.refusalFor(new CommandContext(Platform.SLACK, "G1", "C1", "U"))).contains("workspace");
        assertThat(rules.refusalFor(new CommandContext(Platform.SLACK, "T1", "C2", "U"))).contains("not enabled in this channel");
        assertThat(rules.refusalFor(new CommandContext(Platform.SLACK, null, null, "U"))).isNotNull();
        assertThat(rules.refusalForHost(ALICE, "www.example.com")).isNull();
        assertThat(rules.refusalForHost(ALICE, "example.org")).contains("not set up to check example.org");
        // The console is the operator at the machine.
        assertThat(rules.refusalFor(CommandContext.console())).isNull();
        assertThat(rules.refusalForHost(CommandContext.console(), "example.org")).isNull();
    }

    @Test
    void userBucketRefusesWithRetryTimeAndRefillsOverTime() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(RateLimits.of(2, 100, Duration.ofMinutes(1)), now::get);

        assertThat(limiter.acquire(ALICE).allowed()).isTrue();
        assertThat(limiter.acquire(ALICE).allowed()).isTrue();
        RateLimiter.Decision third = limiter.acquire(ALICE);
        assertThat(third.allowed()).isFalse();
        assertThat(third.message()).isEqualTo("Slow down: you can start 2 checks per 1 min. Try again in 30 s.");
        assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        // Another user in the same channel is not affected.
        assertThat(limiter.acquire(BOB).allowed()).isTrue();

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(limiter.acquire(ALICE).allowed()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.acquire(ALICE).allowed()).isTrue();
    }

    @Test
    void channelBucketIsSharedAndARefusalSpendsNoUserToken() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(RateLimits.of(2, 3, Duration.ofMinutes(1)), now::get);

        assertThat(limiter.acquire(ALICE).allowed()).isTrue();
        assertThat(limiter.acquire(BOB).allowed()).isTrue();
        assertThat(limiter.acquire(BOB).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.acquire(ALICE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.message()).startsWith("Slow down: this channel can start 3 checks per 1 min. Try again in 20 s");
        // Alice still has her second token for another channel.
        assertThat(limiter.acquire(new CommandContext(Platform.SLACK, "T1", "C2", "U-alice")).allowed()).isTrue();
        assertThat(limiter.acquire(new CommandContext(Platform.SLACK, "T1", "C3", "U-alice")).allowed()).isFalse();
    }

    @Test
    void consoleAndDisabledLimitsAreNeverRefused() {
        RateLimiter limiter = new RateLimiter(RateLimits.of(1, 1, Duration.ofHours(1)), () -> 0L);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire(CommandContext.console()).allowed()).isTrue();
        }
        RateLimiter off = new RateLimiter(RateLimits.OFF, () -> 0L);
        for (int i = 0; i < 5; i++) {
            assertThat(off.acquire(ALICE).allowed()).isTrue();
        }
    }

    @Test
    void referenceIdsAreEightBase32Characters() {
        String id = ReferenceId.next();
        assertThat(id).matches("[A-Z2-7]{8}");
        assertThat(ReferenceId.isWellFormed(id)).isTrue();
        assertThat(ReferenceId.isWellFormed("abcdefgh")).isFalse();
        assertThat(ReferenceId.isWellFormed("ABCD2345X")).isFalse();
        assertThat(ReferenceId.next()).isNotEqualTo(id);
    }
}
