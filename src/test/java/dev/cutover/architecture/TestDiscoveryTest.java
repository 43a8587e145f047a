package dev.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every class with test methods is one the build runs. Surefire and failsafe pick classes by name, not by
 * annotation: a jqwik class named {@code FooProperties} compiles, passes when run by name, and is silently
 * skipped by {@code ./mvnw verify} (five such classes were, until session 6).
 */
class TestDiscoveryTest {
    /** Surefire's default includes ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}) and failsafe's. */
    private static final Pattern RUN_BY_THE_BUILD =
            Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase|IT.*|.*IT|.*ITCase");

    private static final List<String> TEST_ANNOTATIONS = List.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "net.jqwik.api.Property",
            "net.jqwik.api.Example");

    @Test
    void everyClassWithTestMethodsHasANameTheBuildRuns() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.cutover");

        List<String> skipped = classes.stream()
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(TestDiscoveryTest::declaresTests)
                .map(TestDiscoveryTest::topLevel)
                .filter(c -> !RUN_BY_THE_BUILD.matcher(c.getSimpleName()).matches())
                .map(JavaClass::getName)
                .distinct()
                .sorted()
                .toList();

        assertThat(skipped)
                .as("test classes the build would never run; name them *Test (or *IT for process tests)")
                .isEmpty();
    }

    private static boolean declaresTests(JavaClass c) {
        return c.getMethods().stream().anyMatch(m -> TEST_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith));
    }

    // A @Nested class runs with the class around it, which is the one the build picks by name.
    private static JavaClass topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
