package com.productivecommunity.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.productivecommunity.events.CommunityEvent;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rule of event handling every service checks: nobody tells event types apart with
 * {@code instanceof}. Consumers go through {@link CommunityEvent.Visitor}, so that a new event type fails
 * their build until each decides what it means (shared-events/EVENTS.md, "Consuming events").
 */
public final class EventArchitecture {

    private EventArchitecture() {
    }

    public static final ArchRule EVENT_TYPES_ARE_VISITED_NOT_TESTED = noClasses()
            .should(testAnEventTypeWithInstanceof())
            .because("a consumer that branches with instanceof silently drops an event type added later;"
                    + " implement CommunityEvent.Visitor instead");

    private static ArchCondition<JavaClass> testAnEventTypeWithInstanceof() {
        return new ArchCondition<>("test an event type with instanceof") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (InstanceofCheck check : unit.getInstanceofChecks()) {
                        JavaClass type = check.getRawType();
                        if (type.isAssignableTo(CommunityEvent.class) && !type.isEquivalentTo(CommunityEvent.class)) {
                            events.add(SimpleConditionEvent.satisfied(javaClass, unit.getFullName()
                                    + " tests instanceof " + type.getSimpleName() + " in " + check.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }
}
