package com.productivecommunity.query;

import static com.productivecommunity.support.testing.EventArchitecture.EVENT_TYPES_ARE_VISITED_NOT_TESTED;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.productivecommunity.query");

    @Test
    void theProjectionWritesWithoutKnowingTheReadsOrTheWeb() {
        noClasses().that().resideInAPackage("..query.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.feed..", "..query.community..",
                        "..query.search..", "..query.notification..", "..query.admin..",
                        "org.springframework.web..")
                .check(classes);
    }

    @Test
    void readsNeverWriteThroughTheProjection() {
        noClasses().that().resideInAnyPackage("..query.feed..", "..query.community..", "..query.search..",
                        "..query.notification..")
                .should().dependOnClassesThat().haveSimpleName("QueryProjection")
                .check(classes);
    }

    @Test
    void eventTypesAreVisitedNotTestedWithInstanceof() {
        EVENT_TYPES_ARE_VISITED_NOT_TESTED.check(classes);
    }
}
