package com.productivecommunity.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands employees send: post contributions (questions, answers, posts, ideas), react to and view each
 * other's contributions, in communities set up through the API by the demo members.
 */
final class CommandTraffic {

    static final List<String> EMPLOYEES = List.of("alice", "bob", "carol", "frank", "grace");
    private static final String BODY = ("We replaced the filter on pump 2 and logged the vibration every shift; "
            + "the readings dropped by half within a week. ").repeat(3);

    record Item(String id, String author, String communityId, boolean question) {
    }

    /** What a command returned: the community and member it concerns and its X-Event-Position. */
    record Outcome(boolean success, String communityId, String member, String position) {
    }

    private final Api api;
    private final String commandUrl;
    private final List<String> communities = new ArrayList<>();
    private final Item[] recent = new Item[512];
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();

    CommandTraffic(Api api, String commandUrl) {
        this.api = api;
        this.commandUrl = commandUrl;
    }

    List<String> communities() {
        return communities;
    }

    /** carol founds the communities, the other employees join each; everyone asks one question in each. */
    void setUp(int communityCount) {
        for (int c = 0; c < communityCount; c++) {
            Api.Reply founded = api.post(commandUrl + "/api/communities", "carol",
                    "{\"name\":\"Benchmark community " + c + "\",\"purpose\":\"Less unplanned downtime\"}");
            require(founded, 201);
            String community = founded.json().get("communityId").asText();
            communities.add(community);
            for (String member : EMPLOYEES) {
                if (!member.equals("carol")) {
                    require(api.post(commandUrl + "/api/communities/" + community + "/members", member,
                            "{\"purpose\":\"Learn from the others\"}"), 201);
                }
            }
            for (String member : EMPLOYEES) {
                post(community, member, "QUESTION", null);
            }
        }
    }

    /** One command of the realistic mix: 45% post a contribution, 45% react, 10% view. */
    Outcome any() {
        double r = ThreadLocalRandom.current().nextDouble();
        return r < 0.45 ? anyPost() : r < 0.90 ? react() : view();
    }

    Outcome anyPost() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String member = EMPLOYEES.get(random.nextInt(EMPLOYEES.size()));
        double r = random.nextDouble();
        if (r < 0.3) {
            Item question = pick(true);
            if (question != null) {
                return post(question.communityId(), member, "ANSWER", question.id());
            }
        }
        String kind = r < 0.6 ? "QUESTION" : r < 0.8 ? "POST" : "IDEA";
        return post(communities.get(random.nextInt(communities.size())), member, kind, null);
    }

    Outcome post(String community, String member, String kind, String inReplyTo) {
        String body = "{\"kind\":\"" + kind + "\",\"title\":" + (kind.equals("ANSWER") ? "null"
                : Api.quote("Why does pump " + counter.incrementAndGet() + " stop at night?"))
                + ",\"body\":" + Api.quote(BODY) + ",\"inReplyTo\":" + (inReplyTo == null ? "null" : "\"" + inReplyTo + "\"") + "}";
        Api.Reply reply = api.post(commandUrl + "/api/communities/" + community + "/contributions", member, body);
        if (reply.status() != 201) {
            return new Outcome(false, community, member, null);
        }
        JsonNode json = reply.json();
        remember(new Item(json.get("contributionId").asText(), member, community, kind.equals("QUESTION")));
        return new Outcome(true, community, member, reply.header("X-Event-Position"));
    }

    Outcome react() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Item item = pick(false);
        String member = other(item.author());
        String kind = List.of("LIKE", "THANKS", "USEFUL").get(random.nextInt(3));
        Api.Reply reply = api.post(commandUrl + "/api/contributions/" + item.id() + "/reactions", member,
                "{\"kind\":\"" + kind + "\"}");
        return new Outcome(reply.status() / 100 == 2, item.communityId(), member, reply.header("X-Event-Position"));
    }

    Outcome view() {
        Item item = pick(false);
        String member = other(item.author());
        Api.Reply reply = api.post(commandUrl + "/api/contributions/" + item.id() + "/views", member, null);
        return new Outcome(reply.status() == 202, item.communityId(), member, reply.header("X-Event-Position"));
    }

    private static String other(String author) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String member;
        do {
            member = EMPLOYEES.get(random.nextInt(EMPLOYEES.size()));
        } while (member.equals(author));
        return member;
    }

    private void remember(Item item) {
        int slot = (int) (next.getAndIncrement() % recent.length);
        synchronized (recent) {
            recent[slot] = item;
        }
    }

    private Item pick(boolean question) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long filled = Math.min(next.get(), recent.length);
        for (int attempt = 0; attempt < 50; attempt++) {
            Item item;
            synchronized (recent) {
                item = recent[random.nextInt((int) filled)];
            }
            if (item != null && (!question || item.question())) {
                return item;
            }
        }
        synchronized (recent) {
            return question ? null : recent[0];
        }
    }

    private static void require(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }
}
