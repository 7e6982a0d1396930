package com.productivecommunity.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the domain, its current schema version, and the upcasters between versions. */
public final class EventCatalog {

    private static final List<Class<? extends CommunityEvent>> TYPES = List.of(
            CommunityFounded.class, CommunityPurposeStated.class, MemberJoined.class, MemberLeft.class,
            MemberPurposeStated.class, ContributionPosted.class, ReactionGiven.class, ContributionViewed.class,
            AnswerAccepted.class, OutcomeRecorded.class, MemberSegmentsChanged.class, LeaderNamed.class,
            LeaderRemoved.class, MemberRemoved.class, ContributionEdited.class, ContributionRetracted.class,
            ContributionHidden.class);

    private static final Map<String, Class<? extends CommunityEvent>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    /** Upcasters of earlier schema versions ({@link Upcasters}). */
    private static final List<EventUpcaster> UPCASTERS = Upcasters.ALL;

    private EventCatalog() {
    }

    public static List<Class<? extends CommunityEvent>> types() {
        return TYPES;
    }

    public static String typeName(Class<? extends CommunityEvent> type) {
        return type.getSimpleName();
    }

    public static Optional<Class<? extends CommunityEvent>> type(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static int currentVersion(Class<?> type) {
        SchemaVersion version = type.getAnnotation(SchemaVersion.class);
        if (version == null) {
            throw new IllegalArgumentException(type.getName() + " has no @SchemaVersion");
        }
        return version.value();
    }

    public static List<EventUpcaster> upcasters() {
        return UPCASTERS;
    }
}
