package com.productivecommunity.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.productivecommunity.command");

    @Test
    void aggregatesDependOnNoInfrastructure() {
        ArchRule rule = noClasses().that().haveSimpleNameNotEndingWith("Controller")
                .and().resideInAnyPackage("..command.community..", "..command.contribution..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.jdbc..", "jakarta.persistence..", "org.apache.kafka..",
                        "org.springframework.web..", "org.springframework.http..", "..command.lookup..",
                        "..command.publishing..");
        rule.check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..command.community..")
                .should().dependOnClassesThat().resideInAPackage("..command.contribution..").check(classes);
        noClasses().that().resideInAPackage("..command.contribution..")
                .should().dependOnClassesThat().resideInAPackage("..command.community..").check(classes);
    }
}
