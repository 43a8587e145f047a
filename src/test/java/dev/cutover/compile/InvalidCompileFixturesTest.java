package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code rundirs/invalid/compile-*} case fails compile with exit 2 and the problem it expects. */
class InvalidCompileFixturesTest {
    @TempDir
    Path dir;

    static List<String> compileCases() {
        return RunDirFixtures.invalidCases().stream()
                .filter(c -> c.startsWith("compile-"))
                .toList();
    }

    @Test
    void everyRequiredCompileCaseExists() {
        assertThat(compileCases())
                .contains(
                        "compile-unknown-operation-type",
                        "compile-duplicate-id",
                        "compile-malformed-id",
                        "compile-reserved-seq",
                        "compile-cycle",
                        "compile-forward-reference",
                        "compile-long-running-without-poll",
                        "compile-freeze-missing-step",
                        "compile-hostile-value",
                        "compile-bad-module");
    }

    @ParameterizedTest
    @MethodSource("compileCases")
    void compileCaseFailsWithTheExpectedProblem(String name) {
        JsonNode expect = RunDirFixtures.invalidCase(name).path("expect");
        Path run = RunDirFixtures.materialiseInvalid(name, dir);
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> Compiles.compile(run));
        assertThat(e).as(name + " must fail").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.COMPILE_FAILED);
        assertThat(e.exitCode()).isEqualTo(expect.path("exit").asInt());
        assertThat(e.problems()).as(name + " problems").anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(expect.path("file").asText());
            assertThat(p.pointer()).isEqualTo(expect.path("pointer").asText());
            assertThat(p.message()).contains(expect.path("contains").asText());
            assertThat(p.fix()).isNotBlank();
        });
    }
}
