package dev.cutover.approval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md §2: the approval package may depend only on dev.cutover.error and the JDK. */
class ApprovalDependenciesTest {

    @Test
    void approvalDependsOnlyOnErrorAndTheJdk() {
        JavaClasses approval = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cutover.approval");

        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cutover.approval..", "dev.cutover.error..")
                .check(approval);
    }
}
