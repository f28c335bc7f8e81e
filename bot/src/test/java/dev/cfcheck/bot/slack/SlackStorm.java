package dev.cfcheck.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cfcheck.bot.router.CommandRouter;
import dev.cfcheck.bot.router.RateLimits;
import dev.cfcheck.bot.router.RouterSettings;
import dev.cfcheck.check.CheckRequest;
import dev.cfcheck.check.Checker;
import dev.cfcheck.check.CheckerSettings;
import dev.cfcheck.diagnosis.DomainSettings;
import dev.cfcheck.site.OriginParser;
import dev.cfcheck.site.TargetParser;
import dev.cfcheck.testing.LoopbackSites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;

/**
 * Signed {@code /cfcheck} commands through Slack HTTP mode (our endpoint, Bolt, the router) to the real checker
 * and probes, against {@link LoopbackSites}; a {@link SlackStandIn} receives the cards on their response_urls.
 * What the storm test and {@link SlackStormBenchmark} share. Everything is on 127.0.0.1.
 */
final class SlackStorm implements AutoCloseable {

    static final String SECRET = "storm-signing-secret-0123456789abcdef";
    /** The check's deadline: far above what a loopback site takes, so that a loaded machine is no fault. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    /** How long the cards of the checks taken may take to arrive, after the last ack. */
    private static final long CARD_WAIT_MS = 60_000;

    private final LoopbackSites sites;
    private final SlackStandIn slack;
    private final Checker checker;
    private final CommandRouter router;
    private final SlackAdapter adapter;
    private final SignedRequests requests;

    private SlackStorm(LoopbackSites sites, SlackStandIn slack, Checker checker, CommandRouter router, SlackAdapter adapter) {
        this.sites = sites;
        this.slack = slack;
        this.checker = checker;
        this.router = router;
        this.adapter = adapter;
        this.requests = new SignedRequests(adapter.httpPort(), SECRET);
    }

    /**
     * Starts {@code siteCount} loopback sites, the Slack stand-in, a checker with these settings and the bot in
     * HTTP mode with these rate limits (the default ones refuse nothing while no user sends more than 5 and no
     * channel more than 20 commands).
     */
    static SlackStorm start(Path dir, int siteCount, CheckerSettings checkerSettings, RateLimits rateLimits) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LoopbackSites sites = LoopbackSites.start(dir, siteCount);
            started.add(sites);
            SlackStandIn slack = new SlackStandIn();
            started.add(slack);
            Checker checker = sites.checker(checkerSettings);
            started.add(checker);
            CommandRouter router = CommandRouter.builder(checker)
                    .targets(input -> TargetParser.parse(input, true))
                    .origins(OriginParser::parse)
                    .requests((target, origins, fresh) ->
                            new CheckRequest(target, origins, sites.dnsAddress(), true, DEADLINE, fresh, DomainSettings.NONE))
                    .settings(RouterSettings.DEFAULTS.withRateLimits(rateLimits))
                    .build();
            started.add(router);
            SlackAdapter adapter = new SlackAdapter(
                    SlackSettings.httpMode("xoxb-000000-storm-bot-token", SECRET, "127.0.0.1", 0, slack.apiUrl()), router);
            started.add(adapter::stop);
            adapter.start();
            return new SlackStorm(sites, slack, checker, router, adapter);
        } catch (Exception | Error e) {
            closeAll(started);
            throw e;
        }
    }

    int siteCount() {
        return sites.count();
    }

    /** Every edge holds its requests from now on (checks stay in flight) until {@link #releaseEdges()}. */
    void holdEdges() {
        sites.holdEdges();
    }

    void releaseEdges() {
        sites.releaseEdges();
    }

    /** Probe runs the checker has started so far. */
    long probeRuns() {
        return checker.probeRuns();
    }

    /**
     * Command {@code i}: a check of site {@code i mod sites + 1} (at {@code path}) by user {@code i mod users} in
     * channel {@code i mod channels} of workspace "T" + {@code tag} (so that each tag has its own rate-limit
     * buckets), with its own response_url and trigger_id (no two bodies alike: a replay would be refused).
     */
    String command(String tag, int i, String path, int users, int channels) {
        Map<String, String> fields = SignedRequests.slashCommand(sites.url(i % sites.count() + 1) + path,
                slack.responseUrl(tag + i), "T" + tag, "C" + (i % channels), "U" + (i % users));
        fields.put("trigger_id", tag + "." + i);
        return SignedRequests.form(fields);
    }

    /** Sends one command and returns the ack's text. */
    String send(String body) throws Exception {
        return ackText(requests.post(body).body());
    }

    /** Sends every body at once, waits for every ack, then for the card of each check taken. */
    Outcome fire(List<String> bodies) throws Exception {
        long runsBefore = checker.probeRuns();
        List<Ack> acks = sendAll(requests, bodies);
        int taken = (int) acks.stream().filter(Ack::taken).count();
        List<JsonObject> posts = awaitPosts(taken);
        return new Outcome(sortedNanos(acks),
                (int) acks.stream().filter(a -> a.status() == 200).count(),
                taken,
                (int) acks.stream().filter(Ack::busy).count(),
                acks.stream().filter(a -> !a.taken() && !a.busy()).map(a -> a.status() + " " + a.text()).distinct().limit(5).toList(),
                (int) posts.stream().filter(SlackStorm::isCard).count(),
                posts.size(),
                verdicts(posts),
                checker.probeRuns() - runsBefore);
    }

    /** Sends every body at once (signed first, so that signing does not spread the sends out) and waits for every answer. */
    static List<Ack> sendAll(SignedRequests requests, List<String> bodies) throws Exception {
        List<byte[]> signed = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            signed.add(requests.raw(body));
        }
        return LoopbackPosts.sendAll(requests.address(), signed, Duration.ofSeconds(60)).stream()
                .map(a -> new Ack(a.status(), ackText(a.body()), a.nanos())).toList();
    }

    static long[] sortedNanos(List<Ack> acks) {
        return acks.stream().mapToLong(Ack::nanos).sorted().toArray();
    }

    /** The p-th percentile (nearest rank) of sorted nanoseconds, in ms. */
    static double percentileMs(long[] sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** The response_url posts so far, waiting until there are {@code n} (or a minute has passed). */
    List<JsonObject> awaitPosts(int n) throws InterruptedException {
        List<JsonObject> posts = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CARD_WAIT_MS);
        while (posts.size() < n) {
            RecordedRequest post = slack.responsePosts.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (post == null) {
                break;
            }
            posts.add(JsonParser.parseString(post.getBody().utf8()).getAsJsonObject());
        }
        return posts;
    }

    /** A card (it opens with the verdict's header), not an apology or a refusal (one section). */
    static boolean isCard(JsonObject post) {
        return header(post) != null;
    }

    /** The card's header ("✅ 200 · …"), or null for a post that is not a card. */
    private static String header(JsonObject post) {
        if (!post.has("blocks") || post.getAsJsonArray("blocks").isEmpty()) {
            return null;
        }
        JsonObject first = post.getAsJsonArray("blocks").get(0).getAsJsonObject();
        return "header".equals(first.get("type").getAsString()) ? first.getAsJsonObject("text").get("text").getAsString() : null;
    }

    /** How many cards of each header, the site's number left out: the verdicts the storm got. */
    private static Map<String, Long> verdicts(List<JsonObject> posts) {
        return posts.stream().map(p -> {
            String header = header(p);
            return header == null ? "(not a card) " + ackText(p.toString()) : header.replaceAll("site[0-9]+", "site#");
        }).collect(Collectors.groupingBy(h -> h, TreeMap::new, Collectors.counting()));
    }

    private static String ackText(String body) {
        try {
            JsonElement text = JsonParser.parseString(body).getAsJsonObject().get("text");
            return text == null ? "" : text.getAsString();
        } catch (RuntimeException e) {
            return "(not JSON) " + body.substring(0, Math.min(80, body.length()));
        }
    }

    /** One ack: its HTTP status, its text and how long it took from sending. */
    record Ack(int status, String text, long nanos) {

        boolean taken() {
            return status == 200 && text.startsWith("checking ");
        }

        boolean busy() {
            return status == 200 && text.startsWith("cfcheck is busy");
        }
    }

    /**
     * What one storm came to.
     *
     * @param ackNanos   each command's time to its ack, sorted
     * @param ok         acks with HTTP 200
     * @param taken      acks saying "checking …"
     * @param busy       acks saying "cfcheck is busy …"
     * @param otherAcks  up to five other acks (status and text), to say what went wrong
     * @param cards      response_url posts that are cards
     * @param posts      response_url posts in all
     * @param verdicts   the posts counted by card header (or text, for what is not a card)
     * @param probeRuns  probe runs the storm caused
     */
    record Outcome(long[] ackNanos, int ok, int taken, int busy, List<String> otherAcks, int cards, int posts,
                   Map<String, Long> verdicts, long probeRuns) {

        /** The p-th percentile ack time (nearest rank), in ms. */
        double ackMs(int p) {
            return percentileMs(ackNanos, p);
        }

        @Override
        public String toString() {
            return "Outcome[acks=" + ackNanos.length + ", ok=" + ok + ", taken=" + taken + ", busy=" + busy
                    + ", other=" + otherAcks + ", cards=" + cards + ", posts=" + posts + ", verdicts=" + verdicts + ", probeRuns=" + probeRuns
                    + ", ackMs=" + Arrays.toString(new double[] {ackMs(50), ackMs(99), ackMs(100)}) + "]";
        }
    }

    @Override
    public void close() {
        closeAll(List.of(sites, slack, checker, router, adapter::stop));
    }

    /** Closes in the reverse of the order started: the bot first, the sites last. */
    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // Closing is best effort: the next part still gets closed.
            }
        }
    }
}
