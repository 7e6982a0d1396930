package com.productivecommunity.analytics;

import static com.productivecommunity.support.testing.EventArchitecture.EVENT_TYPES_ARE_VISITED_NOT_TESTED;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The value engine stays plain Java: it can be tested and replayed without Spring, JDBC or Kafka. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.productivecommunity.analytics");

    @Test
    void engineDoesNotDependOnInfrastructure() {
        noClasses().that().resideInAPackage("..analytics.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "org.apache.kafka..", "..analytics.ledger..", "..analytics.figures..")
                .check(classes);
    }

    @Test
    void modelDefinitionsDoNotDependOnTheLedgerOrTheReads() {
        noClasses().that().resideInAPackage("..analytics.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..analytics.ledger..", "..analytics.figures..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void eventTypesAreVisitedNotTestedWithInstanceof() {
        EVENT_TYPES_ARE_VISITED_NOT_TESTED.check(classes);
    }
}
