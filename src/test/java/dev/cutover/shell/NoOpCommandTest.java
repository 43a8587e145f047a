package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The placeholder {@code true} is recorded without starting bash. The proof: the requests run in a working
 * directory that does not exist, where any started command fails with exit 127 before bash runs.
 */
class NoOpCommandTest {
    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() throws Exception {
        bash = new BashFixture(dir);
        Files.delete(bash.cwd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "  true\n"})
    void thePlaceholderTrueIsRecordedAsExitZeroWithoutStartingAnything(String command) {
        Path marker = dir.resolve("execution/step-1.execute.running");

        CommandResult r = bash.runner.run(bash.request(command), marker);

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdoutHead()).isEmpty();
        assertThat(r.stderrTail()).isEmpty();
        assertThat(r.elapsed()).isZero();
        assertThat(marker).doesNotExist();
        String line = "==== " + BashFixture.AT + " execute `true`: nothing to run, not started (exit=0) ====\n";
        assertThat(BashFixture.read(bash.stdoutLog)).isEqualTo(line);
        assertThat(BashFixture.read(bash.stderrLog)).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true 0", "true;", ":", "/bin/true", "true && true", "TRUE"})
    void anythingButTheExactWordIsStarted(String command) {
        CommandResult r = bash.run(command);

        assertThat(r.exitCode()).isEqualTo(CommandResult.NOT_STARTED_EXIT_CODE);
        assertThat(BashFixture.read(bash.stdoutLog)).contains(" execute start ====");
    }

    @Test
    void isRecognisesOnlyThePlaceholder() {
        assertThat(NoOpCommand.is("true")).isTrue();
        assertThat(NoOpCommand.is(" true ")).isTrue();
        assertThat(NoOpCommand.is("true 0")).isFalse();
        assertThat(NoOpCommand.is("")).isFalse();
        assertThat(NoOpCommand.is(null)).isFalse();
    }
}
