package dev.cfcheck.bot.router;

import dev.cfcheck.bot.card.Card;
import dev.cfcheck.bot.card.Details;
import dev.cfcheck.bot.card.Elapsed;
import dev.cfcheck.bot.card.Redaction;
import dev.cfcheck.bot.router.RequestListener.Outcome;
import dev.cfcheck.check.CheckBusyException;
import dev.cfcheck.check.CheckReport;
import dev.cfcheck.diagnosis.Verdict;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.CheckService;
import dev.cfcheck.site.BadInputException;
import dev.cfcheck.site.OriginEndpoint;
import dev.cfcheck.site.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into a check from chat or the console: parses the command, applies the access rules and
 * rate limits, hands the check to the checker without waiting for it, logs one line per check and makes the
 * card. Every platform adapter goes through here; none talks to the checker directly.
 *
 * <p>No thread waits for a check here: the reply completes on the thread that completes the check. Admission is
 * the checker's: it bounds distinct probe runs, so a request that joins a check in flight (the same target
 * from a whole incident channel) is always taken, and one that needs a run of its own when none is free gets the
 * one-line busy refusal at once.
 *
 * <pre>{@code
 * Admission a = router.submit(new CommandContext(Platform.SLACK, team, channel, user), "example.com fresh");
 * if (a instanceof Admission.Started s) { ack(s.ackText()); s.reply().thenAccept(this::post); }
 * else if (a instanceof Admission.Answered r) { ackEphemeral(r.reply()); }
 * }</pre>
 */
public final class CommandRouter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    /** Past the checker's own bound (a turn in its queue and the deadline), how long before the router gives up on it. */
    private static final Duration OVERRUN = Duration.ofSeconds(5);
    /**
     * The longest a preliminary card waits for its replacement: inside Discord's 15 minutes for editing an
     * interaction's reply (Slack allows 30), whatever the checker's follow-up says.
     */
    private static final Duration FOLLOW_UP_LIMIT = Duration.ofMinutes(14);

    private final CheckService checks;
    private final TargetValidator targets;
    private final OriginReader origins;
    private final CheckRequestFactory requests;
    private final RouterSettings settings;
    private final Clock clock;
    private final CommandParser parser = new CommandParser();
    private final RateLimiter rateLimiter;
    private final RecentChecks recent;
    private final ChecksInFlight inFlight = new ChecksInFlight();
    private final RequestListener listener;

    private CommandRouter(Builder b) {
        this.checks = Objects.requireNonNull(b.checks, "checks");
        this.targets = Objects.requireNonNull(b.targets, "targets");
        this.origins = Objects.requireNonNull(b.origins, "origins");
        this.requests = Objects.requireNonNull(b.requests, "requests");
        this.settings = b.settings;
        this.clock = b.clock;
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.rateLimiter = new RateLimiter(settings.rateLimits(), b.nanoTime);
        this.recent = new RecentChecks(settings.recentChecks(), settings.recentCheckTtl(), b.nanoTime::getAsLong);
    }

    public static Builder builder(CheckService checks) {
        return new Builder(checks);
    }

    public RouterSettings settings() {
        return settings;
    }

    /** A {@code /cfcheck ...} line, with or without the leading {@code /cfcheck}. */
    public Admission submit(CommandContext ctx, String text) {
        ParsedCommand command;
        try {
            command = parser.parse(text);
        } catch (BadInputException e) {
            return refuse(ctx, Outcome.BAD_INPUT, e.getMessage() + ". Try /cfcheck help.");
        }
        if (command instanceof ParsedCommand.Help) {
            told(ctx, Outcome.ANSWERED);
            return new Admission.Answered(new RouterReply.Help(HelpText.TEXT));
        }
        ParsedCommand.Check check = (ParsedCommand.Check) command;
        String placeRefusal = settings.access().refusalFor(ctx);
        if (placeRefusal != null) {
            return refuse(ctx, Outcome.REFUSED_ACCESS, placeRefusal);
        }
        Target target;
        List<OriginEndpoint> endpoints = new ArrayList<>();
        try {
            target = targets.validate(check.target());
            for (String o : check.origins()) {
                endpoints.add(origins.read(o));
            }
        } catch (BadInputException e) {
            return refuse(ctx, Outcome.BAD_INPUT, e.getMessage());
        }
        String hostRefusal = settings.access().refusalForHost(ctx, target.host());
        if (hostRefusal != null) {
            return refuse(ctx, Outcome.REFUSED_ACCESS, hostRefusal);
        }
        CheckRequest request;
        try {
            // The config may add origins of its own; the request refuses too many.
            request = requests.create(target, endpoints, check.fresh());
        } catch (BadInputException e) {
            return refuse(ctx, Outcome.BAD_INPUT, e.getMessage());
        }
        RateLimiter.Decision rate = rateLimiter.acquire(ctx);
        if (!rate.allowed()) {
            return refuse(ctx, Outcome.REFUSED_RATE_LIMIT, rate.message());
        }
        List<String> named = endpoints.stream().map(OriginEndpoint::ip).toList();
        return start(ctx, request, named);
    }

    /** The Re-run button: the same check again, bypassing the cache. */
    public Admission rerun(CommandContext ctx, String referenceId) {
        var entry = recent.get(referenceId, ctx);
        if (entry.isEmpty()) {
            return refuse(ctx, Outcome.BAD_INPUT, RouterReply.Refusal.EXPIRED.text());
        }
        String placeRefusal = settings.access().refusalFor(ctx);
        if (placeRefusal != null) {
            return refuse(ctx, Outcome.REFUSED_ACCESS, placeRefusal);
        }
        CheckRequest request = entry.get().request().withFresh(true);
        String hostRefusal = settings.access().refusalForHost(ctx, request.target().host());
        if (hostRefusal != null) {
            return refuse(ctx, Outcome.REFUSED_ACCESS, hostRefusal);
        }
        RateLimiter.Decision rate = rateLimiter.acquire(ctx);
        if (!rate.allowed()) {
            return refuse(ctx, Outcome.REFUSED_RATE_LIMIT, rate.message());
        }
        return start(ctx, request, entry.get().requestedOrigins());
    }

    /** The Details button: the full evidence of an earlier check, unredacted (the reply is ephemeral). */
    public RouterReply details(CommandContext ctx, String referenceId) {
        String placeRefusal = settings.access().refusalFor(ctx);
        if (placeRefusal != null) {
            return new RouterReply.Refusal(placeRefusal);
        }
        return recent.get(referenceId, ctx)
                .<RouterReply>map(e -> new RouterReply.DetailsReply(Details.from(e.report(), referenceId)))
                .orElse(RouterReply.Refusal.EXPIRED);
    }

    private Admission start(CommandContext ctx, CheckRequest request, List<String> namedOrigins) {
        if (!inFlight.enter()) {
            return refuse(ctx, Outcome.REFUSED_BUSY, "cfcheck is shutting down. Try again in a minute.");
        }
        String referenceId = ReferenceId.next();
        long start = System.nanoTime();
        CompletableFuture<CheckReport> check = startCheck(request);
        CheckBusyException busy = busyRefusal(check);
        if (busy != null) {
            inFlight.leave();
            long seconds = Math.max(1, (busy.retryAfter().toMillis() + 999) / 1000);
            return refuse(ctx, Outcome.REFUSED_BUSY, "cfcheck is busy with other checks. Try again in " + Elapsed.seconds(seconds) + ".");
        }
        // Only a checker that broke its own bound (a turn in its queue plus the deadline) reaches this limit.
        Duration limit = request.timeout() == null ? Duration.ofSeconds(30) : request.timeout().multipliedBy(2).plus(OVERRUN);
        CompletableFuture<RouterReply> reply = new CompletableFuture<>();
        check.copy().orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).whenComplete((report, error) -> {
            try {
                RouterReply r = reply(ctx, request, namedOrigins, referenceId, start, report, error);
                told(ctx, r instanceof RouterReply.CardReply ? Outcome.ANSWERED : Outcome.FAILED);
                reply.complete(r); // the adapter's callbacks run now, before the check stops counting as in flight
            } finally {
                inFlight.leave();
            }
        });
        return new Admission.Started(referenceId, request.target().unicodeHost(), reply);
    }

    /** The checker's future; one that throws instead of failing the future is treated the same. */
    private CompletableFuture<CheckReport> startCheck(CheckRequest request) {
        try {
            return checks.check(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The checker's refusal when it had no room for another probe run (it says so at once), else null. */
    private static CheckBusyException busyRefusal(CompletableFuture<CheckReport> check) {
        if (!check.isCompletedExceptionally()) {
            return null;
        }
        try {
            check.getNow(null);
        } catch (CompletionException e) {
            return e.getCause() instanceof CheckBusyException busy ? busy : null;
        } catch (RuntimeException e) {
            return null; // cancelled: an ordinary failure
        }
        return null;
    }

    /** The card of a finished check, or the apology (logged once, with the reference id) when there is none. */
    private RouterReply reply(CommandContext ctx, CheckRequest request, List<String> namedOrigins, String referenceId,
            long start, CheckReport report, Throwable error) {
        String host = request.target().host();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Throwable problem = error;
        if (problem == null) {
            try {
                recent.put(referenceId, new RecentChecks.Entry(ctx, request, namedOrigins, report));
                CheckLog.checked(ctx, host, report, elapsed, referenceId);
                Redaction redaction = Redaction.forReport(report, namedOrigins, settings.showOriginAddress());
                Card card = Card.from(report, referenceId, redaction, clock.instant());
                return new RouterReply.CardReply(card, report.isFinal()
                        ? CompletableFuture.completedFuture(null)
                        : replacement(ctx, request, namedOrigins, referenceId, report));
            } catch (RuntimeException | Error e) {
                problem = e;
            }
        }
        Throwable cause = problem instanceof CompletionException && problem.getCause() != null ? problem.getCause() : problem;
        CheckLog.failed(ctx, host, cause, elapsed, referenceId);
        if (!(cause instanceof TimeoutException)) {
            LOG.warn("check {} of {} failed inside cfcheck", referenceId, CheckLog.value(host), cause);
        }
        return failure(host, referenceId);
    }

    /**
     * The final card of a preliminary report, or {@code null} when its verdict is the preliminary one's: one
     * replacement at most, and none that would only repeat the card. The recent-checks store (Details, Re-run)
     * gets the final report either way.
     */
    private CompletableFuture<Card> replacement(CommandContext ctx, CheckRequest request, List<String> namedOrigins,
            String referenceId, CheckReport preliminary) {
        String host = request.target().host();
        try {
            // A copy: the checker's follow-up is shared by every check that joined the run, and the limit is ours.
            return checks.followUp(request, preliminary).copy()
                    .orTimeout(FOLLOW_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((report, error) -> {
                        if (error != null || report == null || report == preliminary) {
                            return null;
                        }
                        recent.put(referenceId, new RecentChecks.Entry(ctx, request, namedOrigins, report));
                        CheckLog.followedUp(ctx, host, report, referenceId);
                        if (sameVerdict(preliminary.verdict(), report.verdict())) {
                            return null;
                        }
                        Redaction redaction = Redaction.forReport(report, namedOrigins, settings.showOriginAddress());
                        return Card.from(report, referenceId, redaction, clock.instant());
                    });
        } catch (RuntimeException e) {
            LOG.warn("check {}: the follow-up could not start: {}", referenceId, e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static boolean sameVerdict(Verdict a, Verdict b) {
        return a.kind() == b.kind() && Objects.equals(a.code(), b.code()) && a.severity() == b.severity();
    }

    private static RouterReply failure(String host, String referenceId) {
        return new RouterReply.Failure("Sorry, the check of " + CommandParser.shown(host)
                + " failed inside cfcheck. Reference " + referenceId + " (quote it to whoever runs the bot).", referenceId);
    }

    private Admission refuse(CommandContext ctx, Outcome outcome, String text) {
        told(ctx, outcome);
        return new Admission.Answered(new RouterReply.Refusal(text));
    }

    private void told(CommandContext ctx, Outcome outcome) {
        try {
            listener.handled(ctx.platform(), outcome);
        } catch (RuntimeException e) {
            // Counting must never cost anyone their answer.
            LOG.warn("request listener failed: {}", e.toString());
        }
    }

    /**
     * Stops taking checks and waits (up to the shutdown grace) for the running ones to finish and their
     * replies to be handed to the adapters.
     */
    @Override
    public void close() {
        if (!inFlight.closeAndAwait(settings.shutdownGrace())) {
            LOG.warn("{} checks still running after {}; leaving them", inFlight.count(), settings.shutdownGrace());
        }
    }

    public static final class Builder {
        private final CheckService checks;
        private TargetValidator targets;
        private OriginReader origins;
        private CheckRequestFactory requests = CheckRequestFactory.withTimeout(Duration.ofSeconds(10));
        private RouterSettings settings = RouterSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private RequestListener listener = RequestListener.NONE;

        private Builder(CheckService checks) {
            this.checks = checks;
        }

        public Builder targets(TargetValidator targets) {
            this.targets = targets;
            return this;
        }

        public Builder origins(OriginReader origins) {
            this.origins = origins;
            return this;
        }

        public Builder requests(CheckRequestFactory requests) {
            this.requests = requests;
            return this;
        }

        public Builder settings(RouterSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The wall clock, for the age of cached reports. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The monotonic clock of the rate limiter and the recent-checks store (tests pass a manual one). */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        /** Told the outcome of every command and Re-run (the bot's metrics); by default nobody. */
        public Builder listener(RequestListener listener) {
            this.listener = listener;
            return this;
        }

        public CommandRouter build() {
            return new CommandRouter(this);
        }
    }
}
