package dev.cutover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces the package table of DESIGN.md §2 (with compile → policy, docs/adr/0001, and the time leaf, 0009). */
class LayeringTest {
    private static final JavaClasses CLASSES = ProductionClasses.ALL;

    @Test
    void packagesDependOnlyOnWhatTheDesignAllows() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("cli")
                .definedBy("dev.cutover.cli..")
                .layer("app")
                .definedBy("dev.cutover.app..")
                .layer("input")
                .definedBy("dev.cutover.input..")
                .layer("compile")
                .definedBy("dev.cutover.compile..")
                .layer("journal")
                .definedBy("dev.cutover.journal..")
                .layer("engine")
                .definedBy("dev.cutover.engine..")
                .layer("approval")
                .definedBy("dev.cutover.approval..")
                .layer("shell")
                .definedBy("dev.cutover.shell..")
                .layer("policy")
                .definedBy("dev.cutover.policy..")
                .layer("report")
                .definedBy("dev.cutover.report..")
                .layer("review")
                .definedBy("dev.cutover.review..")
                .layer("rehearsal")
                .definedBy("dev.cutover.rehearsal..")
                .layer("error")
                .definedBy("dev.cutover.error..")
                .layer("notify")
                .definedBy("dev.cutover.notify..")
                .layer("time")
                .definedBy("dev.cutover.time..")
                .layer("digest")
                .definedBy("dev.cutover.digest..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("app")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("review")
                .mayOnlyBeAccessedByLayers("app", "cli")
                .whereLayer("rehearsal")
                .mayOnlyBeAccessedByLayers("engine", "review", "app", "cli")
                .whereLayer("compile")
                .mayOnlyBeAccessedByLayers("engine", "report", "review", "rehearsal", "app", "cli")
                .whereLayer("journal")
                .mayOnlyBeAccessedByLayers("engine", "report", "rehearsal", "app", "cli")
                .whereLayer("input")
                .mayOnlyBeAccessedByLayers("compile", "engine", "report", "notify", "review", "rehearsal", "app", "cli")
                .whereLayer("policy")
                .mayOnlyBeAccessedByLayers("compile", "engine", "rehearsal", "app", "cli")
                .whereLayer("approval")
                .mayOnlyBeAccessedByLayers("engine", "app", "cli")
                .whereLayer("shell")
                .mayOnlyBeAccessedByLayers("engine", "app", "cli")
                .whereLayer("notify")
                .mayOnlyBeAccessedByLayers("engine", "app", "cli")
                .check(CLASSES);
    }

    @Test
    void theTimestampShapeDependsOnNothingOfCutovers() {
        noClasses()
                .that()
                .resideInAPackage("dev.cutover.time..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.cutover.time..", "java..")
                .check(CLASSES);
    }

    @Test
    void theDigestDependsOnNothingOfCutovers() {
        noClasses()
                .that()
                .resideInAPackage("dev.cutover.digest..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.cutover.digest..", "java..")
                .check(CLASSES);
    }

    @Test
    void domainCodeNeverExitsTheProcessOrPrintsToStandardStreams() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.cutover.cli..")
                .should()
                .callMethod(System.class, "exit", int.class)
                .orShould()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void everyPackageHasAPackageInfo() throws Exception {
        Path root = Path.of("src", "main", "java", "dev", "cutover");
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                if (!Files.exists(dir.resolve("package-info.java"))) {
                    throw new AssertionError("missing package-info.java in " + dir);
                }
            });
        }
    }
}
