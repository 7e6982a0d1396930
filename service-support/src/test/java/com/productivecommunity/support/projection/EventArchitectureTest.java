package com.productivecommunity.support.projection;

import static com.productivecommunity.support.testing.EventArchitecture.EVENT_TYPES_ARE_VISITED_NOT_TESTED;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.MemberJoined;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EventArchitectureTest {

    @Test
    void serviceSupportVisitsEventsAndNeverTestsTheirTypes() {
        EVENT_TYPES_ARE_VISITED_NOT_TESTED.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.productivecommunity.support"));
    }

    @Test
    void theRuleSeesAConsumerThatBranchesWithInstanceof() {
        assertThatThrownBy(() -> EVENT_TYPES_ARE_VISITED_NOT_TESTED.check(
                new ClassFileImporter().importClasses(InstanceofConsumer.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("instanceof MemberJoined");
    }

    /** What the rule must refuse. */
    static final class InstanceofConsumer {
        boolean joins(CommunityEvent event) {
            return event instanceof MemberJoined;
        }
    }
}
