package dev.cutover.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportPackageDependenciesTest {
    @Test
    void theReportPackageDependsOnlyOnJournalCompileErrorTimeAndLibraries() {
        JavaClasses report = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cutover.report");

        classes()
                .that()
                .resideInAPackage("dev.cutover.report..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.cutover.report..",
                        "dev.cutover.journal..",
                        "dev.cutover.compile..",
                        "dev.cutover.error..",
                        "dev.cutover.time..",
                        "java..",
                        "com.fasterxml.jackson..")
                .check(report);
    }
}
