package com.productivecommunity.query.feed;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.projection.EventsApplied;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import com.productivecommunity.query.stream.LiveStreams;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open feed streams and what is pushed to them once a projection batch has committed: {@code contribution}
 * (a new feed item), {@code counts} (changed reactions, answer or outcome count) and {@code position} (the
 * subscriber's own write is now visible). Delivery runs on its own thread, never on the consumer's.
 */
@Component
class FeedStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedStream.class);

    private final FeedReads feeds;
    private final NamedParameterJdbcTemplate jdbc;
    private final FeedStreamProperties properties;
    private final ObjectProvider<ProjectionAdmin> projections;
    private final LiveStreams<Subscriber> streams;

    FeedStream(FeedReads feeds, NamedParameterJdbcTemplate jdbc, FeedStreamProperties properties,
               ObjectProvider<ProjectionAdmin> projections) {
        this.projections = projections;
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.properties = properties;
        this.streams = new LiveStreams<>("feed-stream", properties.heartbeat());
    }

    /**
     * A stream of the contributions of every community {@code memberId} belongs to at the time of each push;
     * {@code external}: a partner or customer, pushed only what the communities opened to them show.
     */
    SseEmitter subscribeHome(String memberId, boolean external) {
        return streams.subscribe(new Subscriber(memberId, external, null,
                new SseEmitter(properties.timeout().toMillis())));
    }

    SseEmitter subscribeCommunity(String memberId, UUID communityId) {
        return streams.subscribe(new Subscriber(memberId, false, communityId,
                new SseEmitter(properties.timeout().toMillis())));
    }

    @EventListener
    void on(EventsApplied applied) {
        if (!streams.subscribers().isEmpty()) {
            boolean catchingUp = catchingUp();
            streams.deliver(() -> {
                try {
                    deliver(applied.events(), catchingUp);
                } catch (RuntimeException e) {
                    log.warn("Could not push {} applied events to the feed streams", applied.events().size(), e);
                }
            });
        }
    }

    private boolean catchingUp() {
        ProjectionAdmin admin = projections.getIfAvailable();
        return admin != null && admin.statuses().stream().anyMatch(status -> status.lag() > properties.catchUpLag());
    }

    /** The feed item an event adds (may be null) and the items whose counts it changes. */
    private record Touch(UUID posted, List<UUID> counted) {
        static final Touch NOTHING = new Touch(null, List.of());

        Touch(UUID posted, UUID counted) {
            this(posted, counted == null ? List.of() : List.of(counted));
        }
    }

    /** What each event type shows on a live feed; a new type does not compile until it is decided here. */
    private static final CommunityEvent.Visitor<Touch> TOUCHES = new CommunityEvent.Visitor<>() {
        @Override
        public Touch on(CommunityFounded e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(CommunityPurposeStated e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(MemberJoined e) {
            return Touch.NOTHING; // the streams read memberships when they push, not from events
        }

        @Override
        public Touch on(MemberLeft e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(MemberPurposeStated e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(ContributionPosted e) {
            // an answer is a new item and one more answer on its question
            return new Touch(e.contributionId(),
                    e.kind() == ContributionKind.ANSWER && e.inReplyTo() != null ? e.inReplyTo() : null);
        }

        @Override
        public Touch on(ReactionGiven e) {
            return new Touch(null, e.contributionId());
        }

        @Override
        public Touch on(ContributionViewed e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(AnswerAccepted e) {
            return Touch.NOTHING; // the feed item shows no accepted answer; the thread read does
        }

        @Override
        public Touch on(OutcomeRecorded e) {
            return new Touch(null, e.contributionIds()); // each credited item counts one more outcome
        }

        @Override
        public Touch on(LeaderNamed e) {
            return Touch.NOTHING; // leadership shows on the community read, not on feeds
        }

        @Override
        public Touch on(LeaderRemoved e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(MemberRemoved e) {
            return Touch.NOTHING; // like MemberLeft: memberships are read when the streams push
        }

        /**
         * The streams push new items and changed counts only: an edited, retracted or hidden item is not pushed
         * (a stream's client would show it as new); the next read of the feed or thread shows the change.
         */
        @Override
        public Touch on(ContributionEdited e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(ContributionRetracted e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(ContributionHidden e) {
            return Touch.NOTHING;
        }

        @Override
        public Touch on(MemberSegmentsChanged e) {
            return Touch.NOTHING;
        }
    };

    private void deliver(List<ProjectedEvent> events, boolean catchingUp) {
        Map<UUID, EventPosition> posted = new LinkedHashMap<>();
        Map<UUID, EventPosition> counted = new LinkedHashMap<>();
        Map<String, Map<String, Long>> ownWrites = new HashMap<>();
        for (ProjectedEvent projected : events) {
            CommunityEvent event = projected.event();
            Touch touch = event.accept(TOUCHES);
            if (touch.posted() != null) {
                posted.put(touch.posted(), projected.position());
            }
            for (UUID item : touch.counted()) {
                counted.put(item, projected.position());
            }
            ownWrites.computeIfAbsent(event.actorId(), actor -> new LinkedHashMap<>())
                    .merge(projected.aggregateId(), projected.sequence(), Math::max);
        }
        counted.keySet().removeAll(posted.keySet());
        if (catchingUp) {
            // A replay: streams get only their own writes' positions, not a flood of history.
            posted.clear();
            counted.clear();
        }
        List<FeedItem> items = feeds.items(posted.keySet());
        List<FeedItem> changed = feeds.items(counted.keySet());
        Set<UUID> communities = new HashSet<>();
        items.forEach(item -> communities.add(item.communityId()));
        changed.forEach(item -> communities.add(item.communityId()));
        Set<UUID> open = new HashSet<>();
        Map<String, Set<UUID>> memberships = memberships(communities, open);

        for (Subscriber subscriber : streams.subscribers()) {
            Set<UUID> visible = subscriber.communityId() != null ? Set.of(subscriber.communityId())
                    : memberships.getOrDefault(subscriber.memberId(), Set.of());
            if (subscriber.external()) {
                visible = visible.stream().filter(open::contains).collect(java.util.stream.Collectors.toSet());
            }
            for (FeedItem item : items) {
                if (visible.contains(item.communityId())) {
                    streams.send(subscriber, SseEmitter.event().name("contribution").id(posted.get(item.contributionId()).toString())
                            .data(item, MediaType.APPLICATION_JSON));
                }
            }
            for (FeedItem item : changed) {
                if (visible.contains(item.communityId())) {
                    streams.send(subscriber, SseEmitter.event().name("counts").id(counted.get(item.contributionId()).toString())
                            .data(new Counts(item.contributionId(), item.reactions(), item.answerCount(), item.outcomeCount()),
                                    MediaType.APPLICATION_JSON));
                }
            }
            ownWrites.getOrDefault(subscriber.memberId(), Map.of()).forEach((aggregateId, sequence) -> {
                String position = new EventPosition(aggregateId, sequence).toString();
                streams.send(subscriber, SseEmitter.event().name("position").id(position)
                        .data(Map.of("position", position), MediaType.APPLICATION_JSON));
            });
        }
    }

    /**
     * The communities among {@code communities} that each streaming member belongs to now; adds those opened to
     * partners and customers to {@code open}.
     */
    private Map<String, Set<UUID>> memberships(Set<UUID> communities, Set<UUID> open) {
        Set<String> members = new HashSet<>();
        streams.subscribers().forEach(subscriber -> members.add(subscriber.memberId()));
        Map<String, Set<UUID>> memberships = new HashMap<>();
        if (communities.isEmpty() || members.isEmpty()) {
            return memberships;
        }
        jdbc.query("SELECT m.member_id, m.community_id, c.open_to_external FROM community_member m"
                        + " JOIN community c ON c.community_id = m.community_id WHERE m.community_id IN (:communities)"
                        + " AND m.member_id IN (:members)",
                new MapSqlParameterSource("communities", communities).addValue("members", members),
                rs -> {
                    memberships.computeIfAbsent(rs.getString(1), member -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                    if (rs.getBoolean(3)) {
                        open.add(rs.getObject(2, UUID.class));
                    }
                });
        return memberships;
    }

    @Override
    public void destroy() {
        streams.close();
    }

    /** The {@code counts} event: a contribution's current reactions, answer count and outcome count. */
    record Counts(UUID contributionId, Map<ReactionKind, Integer> reactions, int answerCount, int outcomeCount) {
    }

    private record Subscriber(String memberId, boolean external, UUID communityId, SseEmitter emitter) implements LiveStreams.Subscriber {
    }
}
