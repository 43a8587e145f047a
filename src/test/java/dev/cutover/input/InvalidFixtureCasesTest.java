package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every {@code rundirs/invalid/input-*} and {@code config-*} case through the loader it targets. */
class InvalidFixtureCasesTest {
    private final SchemaValidator validator = new SchemaValidator();

    @TempDir
    Path tmp;

    static Stream<String> inputAndConfigCases() {
        return RunDirFixtures.invalidCases().stream().filter(n -> n.startsWith("input-") || n.startsWith("config-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputAndConfigCases")
    void invalidCaseIsRefusedWithTheExpectedProblem(String name) {
        assumeTrue(TestRunDirs.completeFixturePresent(), "rundirs/complete/ is not complete yet");
        JsonNode expect = RunDirFixtures.invalidCase(name).path("expect");
        RunDirectory dir = new RunDirectory(RunDirFixtures.materialiseInvalid(name, tmp.resolve(name)));

        CutoverException e = catchThrowableOfType(CutoverException.class, () -> load(name, dir));

        assertThat(e).as("%s must be refused", name).isNotNull();
        assertThat(e.exitCode()).isEqualTo(expect.path("exit").asInt());
        assertThat(e.problems())
                .as("problems of %s", name)
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(expect.path("file").asText());
                    assertThat(p.pointer()).isEqualTo(expect.path("pointer").asText());
                    assertThat(p.message()).contains(expect.path("contains").asText());
                })
                .allSatisfy(InvalidFixtureCasesTest::speaksToTheOperator);
    }

    private void load(String name, RunDirectory dir) {
        if (name.startsWith("config-")) {
            new RunConfigLoader(validator).load(dir);
        } else {
            new InputLoader(validator).load(dir);
        }
    }

    private static void speaksToTheOperator(Problem problem) {
        assertThat(problem.message()).isNotBlank().doesNotContain("\n");
        assertThat(problem.fix()).isNotBlank().doesNotContain("\n");
    }
}
