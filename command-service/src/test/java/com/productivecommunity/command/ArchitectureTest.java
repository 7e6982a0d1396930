package com.productivecommunity.command;

import static com.productivecommunity.support.testing.EventArchitecture.EVENT_TYPES_ARE_VISITED_NOT_TESTED;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.command.community.WebDependentAggregateFixture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.productivecommunity.command");

    /** The aggregates, their commands and rejections, and the rules they share: no web, database or Kafka. */
    private static final ArchRule AGGREGATES_DEPEND_ON_NO_INFRASTRUCTURE = noClasses()
            .that().haveSimpleNameNotEndingWith("Controller")
            .and().resideInAnyPackage("..command.community..", "..command.contribution..", "..command.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.jdbc..", "jakarta.persistence..", "org.apache.kafka..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "com.productivecommunity.support.web..", "..command.lookup..", "..command.publishing..",
                    "..command.api..");

    @Test
    void aggregatesDependOnNoInfrastructure() {
        AGGREGATES_DEPEND_ON_NO_INFRASTRUCTURE.check(classes);
    }

    @Test
    void theRuleSeesAnAggregateThatDependsOnServiceSupportsWebExceptions() {
        JavaClasses fixture = new ClassFileImporter().importClasses(WebDependentAggregateFixture.class);
        assertThatThrownBy(() -> AGGREGATES_DEPEND_ON_NO_INFRASTRUCTURE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.productivecommunity.support.web.ConflictException");
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..command.community..")
                .should().dependOnClassesThat().resideInAPackage("..command.contribution..").check(classes);
        noClasses().that().resideInAPackage("..command.contribution..")
                .should().dependOnClassesThat().resideInAPackage("..command.community..").check(classes);
    }

    @Test
    void eventTypesAreVisitedNotTestedWithInstanceof() {
        EVENT_TYPES_ARE_VISITED_NOT_TESTED.check(classes);
    }
}
