package dev.cutover.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class JournalPackageDependenciesTest {
    @Test
    void theJournalDependsOnlyOnTheErrorTimeAndDigestPackagesAndLibraries() {
        JavaClasses journal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cutover.journal");

        classes()
                .that()
                .resideInAPackage("dev.cutover.journal..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.cutover.journal..",
                        "dev.cutover.error..",
                        "dev.cutover.time..",
                        "dev.cutover.digest..",
                        "java..",
                        "com.fasterxml.jackson..",
                        "com.networknt.schema..")
                .check(journal);
    }
}
