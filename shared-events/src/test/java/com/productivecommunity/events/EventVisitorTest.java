package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every event type is handed to a method of its own: a consumer of {@link CommunityEvent.Visitor} cannot
 * leave a type out by accident, because the visitor names them all and every event dispatches to its own.
 */
class EventVisitorTest {

    private static final Set<Class<?>> PERMITTED = Set.of(CommunityEvent.class.getPermittedSubclasses());

    @Test
    void theVisitorHasOneMethodForEachPermittedEventTypeAndNoOther() {
        Set<Class<?>> visited = Arrays.stream(CommunityEvent.Visitor.class.getDeclaredMethods())
                .filter(method -> !method.isSynthetic() && !Modifier.isStatic(method.getModifiers()))
                .peek(method -> assertThat(method.isDefault()).as("%s has no default: each consumer decides", method)
                        .isFalse())
                .peek(method -> assertThat(method.getParameterCount()).as(method.toString()).isEqualTo(1))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
        assertThat(visited).containsExactlyInAnyOrderElementsOf(PERMITTED);
        assertThat(CommunityEvent.Visitor.class.getDeclaredMethods()).hasSize(PERMITTED.size());
    }

    @Test
    void theCatalogListsExactlyThePermittedTypes() {
        assertThat(EventCatalog.types()).containsExactlyInAnyOrderElementsOf(
                PERMITTED.stream().map(type -> type.asSubclass(CommunityEvent.class)).toList());
    }

    @Test
    void everyEventDispatchesToTheMethodForItsOwnType() throws Exception {
        for (Class<?> type : PERMITTED) {
            CommunityEvent event = sample(type);
            AtomicReference<Class<?>> called = new AtomicReference<>();
            @SuppressWarnings("unchecked")
            CommunityEvent.Visitor<String> visitor = (CommunityEvent.Visitor<String>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {CommunityEvent.Visitor.class},
                    (proxy, method, args) -> {
                        called.set(method.getParameterTypes()[0]);
                        assertThat(args[0]).isSameAs(event);
                        return "visited";
                    });
            assertThat(event.accept(visitor)).as(type.getSimpleName()).isEqualTo("visited");
            assertThat(called.get()).as(type.getSimpleName()).isEqualTo(type);
        }
    }

    /** An instance of the record with a plain value for each component. */
    private static CommunityEvent sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(EventVisitorTest::value).toArray();
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        return (CommunityEvent) constructor.newInstance(values);
    }

    private static Object value(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-03T08:00:00Z");
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
