package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.productivecommunity.events.Text;
import com.productivecommunity.support.testing.RequiredTool;
import com.productivecommunity.systemtest.Fuzz.Fragment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing of the whole API against the packaged platform (jqwik on the JUnit Platform).
 * Commands with hostile texts, numbers and ids in every field, arbitrary JSON bodies, and hostile query
 * parameters and path segments, as any demo member. Invariants:
 * <ul>
 *   <li>no service ever answers 5xx, and every 4xx is problem+json (Tomcat's own refusal of a NUL in the
 *       path, before any of our code, is the one exception);</li>
 *   <li>a 2xx command is visible in query-service and analytics-service (read-your-writes on both:
 *       {@code X-Position-Reached: true}), its texts read back as the shared text rule normalises them,
 *       and an outcome's value is added to the community's organisation benefit exactly;</li>
 *   <li>a 4xx command stored no event;</li>
 *   <li>after each property both projection services are healthy and have no lag (nothing stuck).</li>
 * </ul>
 * Tries per property: {@code jqwik.tries.default}, set from {@code -Dfuzz.tries} (see the pom).
 */
class ApiFuzzSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> USERS = List.of("alice", "bob", "carol", "frank", "grace", "dana", "erin",
            "pia", "cole");
    private static final List<String> EMPLOYEES = List.of("alice", "bob", "carol", "frank", "grace");
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
    private static final Pattern LAG = Pattern.compile("^projection_lag\\{[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern PARKED = Pattern.compile("^projection_[a-z_]*parked[a-z_]*(\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    private static RunningPlatform platform;
    private static CommandEvents commandEvents;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What exists, so that generated commands often name real things. */
    private static final List<String> communities = new CopyOnWriteArrayList<>();
    private static final List<String> questions = new CopyOnWriteArrayList<>();
    private static final List<String> answers = new CopyOnWriteArrayList<>();
    private static final List<String> contributions = new CopyOnWriteArrayList<>();
    private static final List<String> baseContributions = new CopyOnWriteArrayList<>();
    private static final Map<String, String> communityOf = new ConcurrentHashMap<>();
    private static final Map<String, BigDecimal> organizationBenefit = new ConcurrentHashMap<>();
    private static String base;

    @BeforeContainer
    static void startPlatform() {
        // Skips the whole container (fails it under CI=true) when the packaged jars are missing.
        RequiredTool.require(RunningPlatform.whyNotRunnable().orElse(null));
        platform = RunningPlatform.shared();
        commandEvents = new CommandEvents();
        base = created(send("alice", "POST", "/api/communities", "{\"name\":\"Fuzzing\",\"purpose\":\"everything\"}"),
                "communityId");
        communities.add(base);
        organizationBenefit.put(base, BigDecimal.ZERO);
        for (String member : List.of("bob", "carol", "frank", "grace")) {
            assertThat(send(member, "POST", "/api/communities/" + base + "/members", null).status()).isEqualTo(201);
        }
        String question = created(send("bob", "POST", "/api/communities/" + base + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Why?\",\"body\":\"Because.\"}"), "contributionId");
        String answer = created(send("carol", "POST", "/api/communities/" + base + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"This.\",\"inReplyTo\":\"" + question + "\"}"), "contributionId");
        String post = created(send("alice", "POST", "/api/communities/" + base + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"News\",\"body\":\"Fuzzing starts.\"}"), "contributionId");
        remember(question, "QUESTION", base);
        remember(answer, "ANSWER", base);
        remember(post, "POST", base);
    }

    @AfterContainer
    static void closeEventReader() {
        if (commandEvents != null) {
            commandEvents.close(); // the shared platform stops when the JVM exits
        }
    }

    // --- commands

    /** A command call: who sends what where, and the texts and numbers it carries, to check what is read back. */
    record Call(String kind, String user, String method, String path, String body, Map<String, Fragment> fields,
                String community, String contribution) {

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + ")" : body;
            return user + " " + method + " " + path + " " + shown;
        }
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void commandsNeverFailAndAcceptedOnesReachBothProjectionsAsSent(@ForAll("commands") Call call) {
        long before = commandEvents.count();
        Reply reply = send(call.user(), call.method(), call.path(), call.body());
        Statistics.label("command").collect(call.kind(), reply.status() / 100 + "xx");
        assertThat(reply.status()).as("%s -> %s", call, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertProblem(call, reply);
            assertThat(commandEvents.count()).as("events after %s -> %s", call, reply).isEqualTo(before);
            return;
        }
        String position = reply.header("X-Event-Position");
        assertThat(position).as("X-Event-Position of %s", call).isNotBlank();
        accepted(call, reply, position);
    }

    @Provide
    Arbitrary<Call> commands() {
        Arbitrary<String> user = Arbitraries.of(USERS);
        Arbitrary<String> employee = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(EMPLOYEES)),
                Tuple.of(1, Arbitraries.of("dana", "erin")));
        Arbitrary<String> community = ids(communities, contributions);
        // Every employee belongs to the base community, and alice leads it: commands there are often accepted.
        Arbitrary<String> memberCommunity = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(base)),
                Tuple.of(4, community));
        Arbitrary<String> leader = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("alice")), Tuple.of(1, user));
        Arbitrary<String> contribution = ids(contributions, communities);
        Arbitrary<String> question = Arbitraries.frequencyOf(Tuple.of(3, ids(questions, answers)),
                Tuple.of(1, contribution));
        Arbitrary<Fragment> text = Fuzz.textField();
        Arbitrary<Fragment> contributionKind = enumField("QUESTION", "ANSWER", "POST", "IDEA");
        Arbitrary<Fragment> reactionKind = enumField("LIKE", "THANKS", "USEFUL");
        Arbitrary<Fragment> inReplyTo = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(Fragment.absent())), Tuple.of(2, Arbitraries.just(Fragment.raw("null"))),
                Tuple.of(6, ids(questions, answers).map(id -> Fragment.of(id, false))),
                Tuple.of(1, Fuzz.textField()));
        Arbitrary<Fragment> answerId = Arbitraries.frequencyOf(
                Tuple.of(8, ids(answers, questions).map(id -> Fragment.of(id, false))), Tuple.of(2, Fuzz.textField()));
        Arbitrary<Fragment> contributionIds = Arbitraries.frequencyOf(
                Tuple.of(6, ids(baseContributions, contributions).list().ofMaxSize(3)
                        .map(ids -> Fragment.raw(ids.stream().map(id -> Fuzz.literal(id, false)).toList().toString()))),
                Tuple.of(2, Arbitraries.just(Fragment.absent())), Tuple.of(2, Fuzz.textField()));
        Arbitrary<Fragment> extra = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(Fragment.absent())),
                Tuple.of(1, Fuzz.jsonValues().map(Fragment::raw)));

        Arbitrary<Fragment> openToExternal = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Fragment.absent())),
                Tuple.of(2, Arbitraries.just(Fragment.raw("true"))), Tuple.of(1, Arbitraries.just(Fragment.raw("false"))),
                Tuple.of(1, Fuzz.textField()), Tuple.of(1, Fuzz.jsonValues().map(Fragment::raw)));
        Arbitrary<Call> found = Combinators.combine(user, text, text, openToExternal, extra).as((who, name, purpose, open, x) ->
                call("found", who, "POST", "/api/communities", Map.of("name", name, "purpose", purpose,
                        "openToExternal", open), x, null, null));
        Arbitrary<Call> join = Combinators.combine(user, memberCommunity, text, Arbitraries.of(true, false), extra)
                .as((who, c, purpose, withBody, x) -> withBody
                        ? call("join", who, "POST", "/api/communities/" + c + "/members", Map.of("purpose", purpose), x, c, null)
                        : new Call("join", who, "POST", "/api/communities/" + c + "/members", null, Map.of(), c, null));
        Arbitrary<Call> leave = Combinators.combine(employee, memberCommunity).as((who, c) ->
                new Call("leave", who, "DELETE", "/api/communities/" + c + "/members/me", null, Map.of(), c, null));
        Arbitrary<Call> communityPurpose = Combinators.combine(leader, memberCommunity, text, extra).as((who, c, p, x) ->
                call("communityPurpose", who, "PUT", "/api/communities/" + c + "/purpose", Map.of("purpose", p), x, c, null));
        Arbitrary<Call> memberPurpose = Combinators.combine(employee, memberCommunity, text, extra).as((who, c, p, x) ->
                call("memberPurpose", who, "PUT", "/api/communities/" + c + "/members/me/purpose", Map.of("purpose", p),
                        x, c, null));
        Arbitrary<Call> post = Combinators.combine(employee, memberCommunity, contributionKind, text, text, inReplyTo,
                        extra)
                .as((who, c, kind, title, body, reply, x) -> call("post", who, "POST",
                        "/api/communities/" + c + "/contributions",
                        Map.of("kind", kind, "title", title, "body", body, "inReplyTo", reply), x, c, null));
        Arbitrary<Call> react = Combinators.combine(employee, contribution, reactionKind, extra).as((who, id, kind, x) ->
                call("react", who, "POST", "/api/contributions/" + id + "/reactions", Map.of("kind", kind), x, null, id));
        Arbitrary<Call> view = Combinators.combine(employee, contribution).as((who, id) ->
                new Call("view", who, "POST", "/api/contributions/" + id + "/views", null, Map.of(), null, id));
        Arbitrary<Call> accept = Combinators.combine(employee, question, answerId, extra).as((who, id, answer, x) ->
                call("accept", who, "PUT", "/api/contributions/" + id + "/accepted-answer", Map.of("answerId", answer), x,
                        null, id));
        Arbitrary<Call> outcome = Combinators.combine(leader, memberCommunity, text, Fuzz.numberField(),
                        contributionIds, extra)
                .as((who, c, description, value, ids, x) -> call("outcome", who, "POST", "/api/communities/" + c
                        + "/outcomes", Map.of("description", description, "value", value, "contributionIds", ids), x, c,
                        null));
        // Editing, moderation and leadership: their texts (a new title and body, a reason) reach every projection.
        Arbitrary<String> someone = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(USERS)),
                Tuple.of(1, Fuzz.garbageSegments()));
        Arbitrary<Fragment> memberId = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(USERS).map(name -> Fragment.of(name, false))), Tuple.of(2, Fuzz.textField()));
        Arbitrary<Call> edit = Combinators.combine(employee, contribution, text, text, extra).as((who, id, title, body, x) ->
                call("edit", who, "PUT", "/api/contributions/" + id, Map.of("title", title, "body", body), x, null, id));
        Arbitrary<Call> retract = Combinators.combine(employee, contribution).as((who, id) ->
                new Call("retract", who, "DELETE", "/api/contributions/" + id, null, Map.of(), null, id));
        Arbitrary<Call> hide = Combinators.combine(leader, contribution, text, extra).as((who, id, reason, x) ->
                call("hide", who, "PUT", "/api/contributions/" + id + "/hidden", Map.of("reason", reason), x, null, id));
        Arbitrary<Call> nameLeader = Combinators.combine(leader, memberCommunity, memberId, extra).as((who, c, m, x) ->
                call("nameLeader", who, "POST", "/api/communities/" + c + "/leaders", Map.of("memberId", m), x, c, null));
        Arbitrary<Call> removeLeader = Combinators.combine(leader, memberCommunity, someone).as((who, c, m) ->
                new Call("removeLeader", who, "DELETE", "/api/communities/" + c + "/leaders/" + m, null, Map.of(), c, null));
        Arbitrary<Call> removeMember = Combinators.combine(leader, memberCommunity, someone, text, extra)
                .as((who, c, m, reason, x) -> call("removeMember", who, "POST", "/api/communities/" + c + "/members/" + m
                        + "/removal", Map.of("reason", reason), x, c, null));
        Arbitrary<Call> rawBody = Combinators.combine(user, Arbitraries.of(
                                "POST /api/communities", "POST /api/communities/%c/members", "PUT /api/communities/%c/purpose",
                                "PUT /api/communities/%c/members/me/purpose", "POST /api/communities/%c/contributions",
                                "POST /api/communities/%c/outcomes", "POST /api/contributions/%q/reactions",
                                "PUT /api/contributions/%q/accepted-answer", "PUT /api/contributions/%q",
                                "PUT /api/contributions/%q/hidden", "POST /api/communities/%c/leaders",
                                "POST /api/communities/%c/members/alice/removal"),
                        community, contribution, Fuzz.jsonValues())
                .as((who, route, c, id, body) -> {
                    String method = route.substring(0, route.indexOf(' '));
                    String path = route.substring(route.indexOf(' ') + 1).replace("%c", c).replace("%q", id);
                    return new Call("rawBody", who, method, path, body, Map.of(), route.contains("%c") ? c : null,
                            route.contains("%q") ? id : null);
                });
        return Arbitraries.frequencyOf(Tuple.of(4, found), Tuple.of(2, join), Tuple.of(1, leave),
                Tuple.of(2, communityPurpose), Tuple.of(2, memberPurpose), Tuple.of(7, post), Tuple.of(2, react),
                Tuple.of(1, view), Tuple.of(1, accept), Tuple.of(3, outcome), Tuple.of(2, edit), Tuple.of(1, retract),
                Tuple.of(1, hide), Tuple.of(1, nameLeader), Tuple.of(1, removeLeader), Tuple.of(1, removeMember),
                Tuple.of(2, rawBody));
    }

    private static Call call(String kind, String who, String method, String path, Map<String, Fragment> fields,
                             Fragment extra, String community, String contribution) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(Fuzz.member(name, value)));
        if (extra.present()) {
            members.add(Fuzz.member("unexpected", extra));
        }
        return new Call(kind, who, method, path, Fuzz.object(members), fields, community, contribution);
    }

    private static Arbitrary<Fragment> enumField(String... values) {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(values).map(v -> Fragment.of(v, false))),
                Tuple.of(2, Fuzz.textField()), Tuple.of(1, Arbitraries.of("0", "1", "null").map(Fragment::raw)));
    }

    /** Mostly an id of {@code known} (picked when the try runs, so ids created by earlier tries count), else another. */
    private static Arbitrary<String> ids(List<String> known, List<String> others) {
        return Arbitraries.frequencyOf(
                Tuple.of(85, Arbitraries.integers().between(0, Integer.MAX_VALUE).map(i -> pick(known, i))),
                Tuple.of(5, Arbitraries.integers().between(0, Integer.MAX_VALUE).map(i -> pick(others, i))),
                Tuple.of(5, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(5, Fuzz.garbageSegments()));
    }

    private static String pick(List<String> list, int i) {
        return list.isEmpty() ? UUID.randomUUID().toString() : list.get(i % list.size());
    }

    /** A 2xx: the texts were valid under the shared rule, and the command is visible as sent in both projections. */
    private static void accepted(Call call, Reply reply, String position) {
        call.fields().forEach((name, fragment) -> {
            if (fragment.present() && fragment.text() == null && !fragment.isNull() && !name.equals("value")
                    && !name.equals("contributionIds") && !name.equals("openToExternal")) {
                throw new AssertionError("accepted a non-string " + name + " " + fragment + ": " + call);
            }
        });
        String community = call.community() != null ? call.community()
                : call.contribution() != null ? communityOf.get(call.contribution()) : null;
        switch (call.kind()) {
            case "found" -> {
                community = reply.body().path("communityId").asText();
                communities.add(community);
                organizationBenefit.put(community, BigDecimal.ZERO);
                JsonNode read = visibleInQuery(position, "/api/communities/" + community);
                assertThat(read.path("name").asText()).as(call.toString())
                        .isEqualTo(normalized(call, "name", Text.COMMUNITY_NAME));
                assertThat(read.path("purpose").asText()).as(call.toString())
                        .isEqualTo(normalized(call, "purpose", Text.PURPOSE));
            }
            case "communityPurpose" -> assertThat(visibleInQuery(position, "/api/communities/" + community)
                    .path("purpose").asText()).as(call.toString()).isEqualTo(normalized(call, "purpose", Text.PURPOSE));
            case "memberPurpose", "join" -> {
                JsonNode member = memberOf(visibleInQuery(position, "/api/communities/" + community), call.user());
                String expected = call.kind().equals("join") ? optional(call, "purpose", Text.PURPOSE)
                        : normalized(call, "purpose", Text.PURPOSE);
                assertThat(member.path("purpose").isNull() ? null : member.path("purpose").asText()).as(call.toString())
                        .isEqualTo(expected);
            }
            case "post" -> {
                String id = reply.body().path("contributionId").asText();
                String kind = call.fields().get("kind").text();
                remember(id, kind, community);
                JsonNode read = visibleInQuery(position, "/api/contributions/" + id);
                String title = "ANSWER".equals(kind) ? optional(call, "title", Text.CONTRIBUTION_TITLE)
                        : normalized(call, "title", Text.CONTRIBUTION_TITLE);
                assertThat(read.path("title").isNull() ? null : read.path("title").asText()).as(call.toString())
                        .isEqualTo(title);
                assertThat(read.path("body").asText()).as(call.toString())
                        .isEqualTo(normalized(call, "body", Text.CONTRIBUTION_BODY));
            }
            case "edit" -> assertThat(visibleInQuery(position, "/api/contributions/" + call.contribution())
                    .path("body").asText()).as(call.toString())
                    .isEqualTo(normalized(call, "body", Text.CONTRIBUTION_BODY));
            case "outcome" -> {
                normalized(call, "description", Text.OUTCOME_DESCRIPTION);
                BigDecimal value = new BigDecimal(call.fields().get("value").json());
                assertThat(value.signum() > 0 && value.compareTo(new BigDecimal("1000000")) <= 0
                        && value.stripTrailingZeros().scale() <= 6).as("accepted value of %s", call).isTrue();
                organizationBenefit.merge(community, value, BigDecimal::add);
            }
            case "rawBody" -> {
                // An arbitrary body that happens to be a valid command: keep the books straight.
                visibleInQuery(position, "/api/communities");
                if (call.path().endsWith("/outcomes")) {
                    organizationBenefit.merge(community, parse(call.body()).path("value").decimalValue(), BigDecimal::add);
                } else if (call.path().endsWith("/contributions")) {
                    String id = reply.body().path("contributionId").asText();
                    remember(id, parse(call.body()).path("kind").asText(), community);
                } else if (call.path().equals("/api/communities")) {
                    community = reply.body().path("communityId").asText();
                    communities.add(community);
                    organizationBenefit.put(community, BigDecimal.ZERO);
                }
            }
            default -> visibleInQuery(position, "/api/communities");
        }
        JsonNode summary = visibleInAnalytics(position, community == null ? base : community);
        if (call.kind().equals("outcome") || call.kind().equals("found")) {
            assertThat(summary.path("organizationBenefit").decimalValue()).as(call.toString())
                    .isEqualByComparingTo(organizationBenefit.get(community));
        }
    }

    private static void remember(String contribution, String kind, String community) {
        contributions.add(contribution);
        communityOf.put(contribution, community);
        if (community.equals(base)) {
            baseContributions.add(contribution);
        }
        if ("QUESTION".equals(kind)) {
            questions.add(contribution);
        } else if ("ANSWER".equals(kind)) {
            answers.add(contribution);
        }
    }

    private static String normalized(Call call, String field, Text.Rule rule) {
        Fragment fragment = call.fields().get(field);
        try {
            return Text.normalize(fragment.text(), rule);
        } catch (Text.InvalidTextException e) {
            throw new AssertionError("accepted an invalid " + field + " (" + e.getMessage() + "): " + call, e);
        }
    }

    private static String optional(Call call, String field, Text.Rule rule) {
        Fragment fragment = call.fields().get(field);
        if (fragment == null || !fragment.present() || fragment.isNull()) {
            return null;
        }
        try {
            return Text.normalizeOptional(fragment.text(), rule).orElse(null);
        } catch (Text.InvalidTextException e) {
            throw new AssertionError("accepted an invalid " + field + " (" + e.getMessage() + "): " + call, e);
        }
    }

    private static JsonNode memberOf(JsonNode community, String member) {
        for (JsonNode m : community.path("members")) {
            if (m.path("memberId").asText().equals(member)) {
                return m;
            }
        }
        throw new AssertionError(member + " not among the members of " + community);
    }

    private static JsonNode visibleInQuery(String position, String path) {
        return visible(platform.queryUrl(), "alice", position, path);
    }

    private static JsonNode visibleInAnalytics(String position, String community) {
        return visible(platform.analyticsUrl(), "dana", position, "/api/analytics/communities/" + community);
    }

    private static JsonNode visible(String service, String user, String position, String path) {
        Reply read = send(service, user, "GET", path, null, Map.of("X-Await-Position", position));
        assertThat(read.status()).as("GET %s%s awaiting %s: %s", service, path, position, read).isEqualTo(200);
        assertThat(read.header("X-Position-Reached")).as("%s visible in %s within %s", position, service,
                VISIBLE_WITHIN).isEqualTo("true");
        return read.body();
    }

    // --- reads

    record Read(String service, String user, String path, Optional<String> awaitPosition) {
        @Override
        public String toString() {
            return user + " GET " + service + path + awaitPosition.map(p -> " X-Await-Position: " + p).orElse("");
        }
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void readsNeverFailWhateverTheParametersPathsAndHeaders(@ForAll("reads") Read read) {
        String url = switch (read.service()) {
            case "query" -> platform.queryUrl();
            case "analytics" -> platform.analyticsUrl();
            default -> platform.commandUrl();
        };
        Reply reply = send(url, read.user(), "GET", read.path(), null,
                read.awaitPosition().map(p -> Map.of("X-Await-Position", p)).orElse(Map.of()));
        Statistics.label("read").collect(read.service(), reply.status() / 100 + "xx");
        assertThat(reply.status()).as("%s -> %s", read, reply).isLessThan(500);
        if (reply.status() >= 400) {
            assertProblem(read, reply);
        }
    }

    @Provide
    Arbitrary<Read> reads() {
        Arbitrary<String> user = Arbitraries.of(USERS);
        Arbitrary<String> community = ids(communities, contributions);
        Arbitrary<String> contribution = ids(contributions, communities);
        Arbitrary<String> text = Fuzz.texts().map(s -> s.length() > 200 ? s.substring(0, 200) : s).map(Fuzz::encode);
        Arbitrary<String> limit = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-5, 120)
                .map(String::valueOf)), Tuple.of(1, text), Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> cursor = Arbitraries.frequencyOf(
                Tuple.of(2, text),
                Tuple.of(2, Combinators.combine(Arbitraries.longs().between(-400_000_000_000_000L, 400_000_000_000_000L),
                        community).as((seconds, id) -> cursor(seconds + "|" + id))),
                Tuple.of(2, Combinators.combine(Arbitraries.of("+1000000000-12-31T23:59:59.999999999Z",
                        "-1000000000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z",
                        "2026-11-26T10:15:30Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                        "2026-13-45T99:99:99Z", ""), community).as((instant, id) -> cursor(instant + "|" + id))),
                Tuple.of(1, Fuzz.texts().map(s -> cursor(s))));
        Arbitrary<String> member = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(USERS)), Tuple.of(2, text),
                Tuple.of(1, Arbitraries.just("me")));
        Arbitrary<String> bucket = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("day")), Tuple.of(2, text));
        Arbitrary<String> model = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("v1")), Tuple.of(1, text));
        Arbitrary<Optional<String>> await = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.empty())),
                // Positions that exist (every community has its event 0), so the wait ends at once; one that is
                // never reached would hold each read for the whole timeout (query-service's tests cover that).
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE)
                                .map(i -> pick(communities, i)), Arbitraries.longs().between(-2, 0))
                        .as((id, seq) -> Optional.of(id + ":" + seq))),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80).map(Optional::of)));
        Arbitrary<Read> query = Combinators.combine(user, Arbitraries.integers().between(0, 11), community, contribution,
                limit, cursor, member, await).as((who, which, c, id, l, b, m, a) -> new Read("query", who, switch (which) {
                    case 0 -> "/api/communities?member=" + m;
                    case 1 -> "/api/communities/" + c;
                    case 2 -> "/api/communities/" + c + "/feed?limit=" + l + "&before=" + b;
                    case 3 -> "/api/feed?limit=" + l + "&before=" + b;
                    case 4 -> "/api/feed?limit=" + l;
                    case 5 -> "/api/communities/" + c + "/outcomes?limit=" + l + "&before=" + b;
                    case 6 -> "/api/search?q=" + m + "&limit=" + l;
                    case 7 -> "/api/search?q=" + m + "&community=" + c + "&author=" + m + "&before=" + b;
                    case 8 -> "/api/notifications?limit=" + l + "&before=" + b;
                    case 9 -> "/api/notifications/unread-count";
                    case 10 -> "/api/notifications/digest?week=" + m;
                    default -> "/api/contributions/" + id;
                }, a));
        Arbitrary<Read> analytics = Combinators.combine(user, Arbitraries.integers().between(0, 5), community, member,
                bucket, model, await).as((who, which, c, m, b, v, a) -> new Read("analytics", who, switch (which) {
                    case 0 -> "/api/analytics/communities/" + c + "?model=" + v;
                    case 1 -> "/api/analytics/communities/" + c + "/members/" + m + "?model=" + v;
                    case 2 -> "/api/analytics/communities/" + c + "/members/" + m + "/ledger?model=" + v;
                    case 3 -> "/api/analytics/communities/" + c + "/segments?model=" + v + "&asOf=" + b;
                    case 4 -> "/api/analytics/segments?model=" + v;
                    default -> "/api/analytics/communities/" + c + "/timeline?bucket=" + b + "&model=" + v;
                }, a));
        Arbitrary<Read> anywhere = Combinators.combine(user, Arbitraries.of("query", "analytics", "command"),
                text.list().ofMinSize(1).ofMaxSize(4)).as((who, service, segments) ->
                new Read(service, who, "/api/" + String.join("/", segments), Optional.empty()));
        return Arbitraries.frequencyOf(Tuple.of(5, query), Tuple.of(5, analytics), Tuple.of(1, anywhere));
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // --- after each property: nothing stuck

    @AfterProperty
    void bothProjectionsAreHealthyAndCaughtUp() {
        if (platform == null) {
            return;
        }
        await("both projections caught up and healthy").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    for (String service : List.of(platform.queryUrl(), platform.analyticsUrl())) {
                        // Metrics and health details are the scraper's (role OPERATOR), as in production.
                        Reply health = send(service, "prometheus", "GET", "/actuator/health", null, Map.of());
                        assertThat(health.body().path("status").asText()).as(service + " " + health).isEqualTo("UP");
                        String metrics = send(service, "prometheus", "GET", "/actuator/prometheus", null, Map.of()).text();
                        Matcher lag = LAG.matcher(metrics);
                        int gauges = 0;
                        while (lag.find()) {
                            gauges++;
                            assertThat(Double.parseDouble(lag.group(1))).as(service + " " + lag.group()).isZero();
                        }
                        assertThat(gauges).as(service + " projection_lag gauges").isPositive();
                        Matcher parked = PARKED.matcher(metrics);
                        while (parked.find()) {
                            assertThat(Double.parseDouble(parked.group(2))).as(service + " " + parked.group()).isZero();
                        }
                    }
                });
    }

    // --- HTTP

    record Reply(int status, String contentType, Map<String, List<String>> headers, String text, JsonNode body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    private static void assertProblem(Object call, Reply reply) {
        boolean tomcatRefusal = reply.status() == 400 && reply.contentType().startsWith("text/html");
        if (tomcatRefusal) {
            return;
        }
        assertThat(reply.contentType()).as("%s -> %s", call, reply).startsWith("application/problem+json");
        assertThat(reply.body().path("status").asInt()).as("%s -> %s", call, reply).isEqualTo(reply.status());
        assertThat(reply.body().path("detail").asText()).as("%s -> %s", call, reply).isNotBlank();
    }

    private static Reply send(String user, String method, String path, String body) {
        return send(platform.commandUrl(), user, method, path, body, Map.of());
    }

    private static Reply send(String service, String user, String method, String path, String body,
                              Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(service + path));
        } catch (IllegalArgumentException notAUri) {
            // The client cannot even send it (e.g. a raw space): nothing to check on the server.
            return new Reply(400, "application/problem+json", Map.of(), "{}",
                    JSON.createObjectNode().put("status", 400).put("detail", "not sendable"));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException notAHeader) {
            return new Reply(400, "application/problem+json", Map.of(), "{}",
                    JSON.createObjectNode().put("status", 400).put("detail", "not sendable"));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), text, parse(text));
        } catch (IOException e) {
            if (body != null && body.getBytes(StandardCharsets.UTF_8).length > 64 * 1024) {
                // Refused by Content-Length alone: the server answered 413 and closed the connection while
                // the client was still sending. Nothing can have been stored; the caller checks that.
                return new Reply(413, "application/problem+json", Map.of(), "{}",
                        JSON.createObjectNode().put("status", 413).put("detail", "closed while sending: " + e));
            }
            throw new UncheckedIOException(method + " " + service + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String created(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.body().path(field).asText();
    }
}
