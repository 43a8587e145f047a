package dev.cutover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

/**
 * Cutover's text (terminal, reports, generated files) never depends on the JVM's default locale: a {@code %d}
 * formatted with the default locale writes Arabic-Indic digits when the JVM runs with {@code user.language=ar},
 * and a generated workflow's {@code timeout-minutes} would no longer be a number. So nothing formats with the
 * default locale; where a format pattern is worth its cost, it names {@code Locale.ROOT}.
 */
class LocaleIndependentTextTest {
    private static final JavaClasses CLASSES = ProductionClasses.ALL;

    @Test
    void nothingFormatsWithTheDefaultLocale() {
        noClasses()
                .should()
                .callMethod(String.class, "format", String.class, Object[].class)
                .orShould()
                .callMethod(String.class, "formatted", Object[].class)
                .orShould()
                .callMethod(PrintWriter.class, "printf", String.class, Object[].class)
                .orShould()
                .callMethod(PrintWriter.class, "format", String.class, Object[].class)
                .orShould()
                .callMethod(PrintStream.class, "printf", String.class, Object[].class)
                .orShould()
                .callMethod(PrintStream.class, "format", String.class, Object[].class)
                .because("text must read the same under every JVM locale (README, \"Commands\")")
                .check(CLASSES);
    }
}
