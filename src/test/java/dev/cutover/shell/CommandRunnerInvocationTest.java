package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerInvocationTest {
    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
    }

    @Test
    void bashRunsWithExactlyTheSafeInvocation() {
        // /proc/$$/cmdline is bash's own argv, NUL-separated: the command text is the last argument.
        String command = "tr '\\0' '|' < /proc/$$/cmdline";

        CommandResult result = bash.run(command);

        assertThat(result.stdoutHead()).isEqualTo("bash|--noprofile|--norc|-o|pipefail|-o|noglob|-c|" + command + "|");
        assertThat(CommandRunner.bashArguments(command))
                .containsExactly("bash", "--noprofile", "--norc", "-o", "pipefail", "-o", "noglob", "-c", command);
    }

    @Test
    void aMutatingCommandRunsInASessionOfItsOwnSoTheTerminalsCtrlCAndHangUpNeverReachIt() throws Exception {
        // /proc/PID/stat fields 5 and 6 are the process group and the session (comm "(bash)" has no space).
        String ours = Files.readString(Path.of("/proc/self/stat"));
        String[] self = ours.substring(ours.lastIndexOf(')') + 2).split(" ");

        // A running marker is what makes a command a mutation to the runner (execute and rollback commands).
        CommandResult r = bash.runner.run(
                bash.request("s=$(cat /proc/$$/stat); s=${s##*) }; set -- $s; echo \"$3 $4\""),
                dir.resolve("step.execute.running"));

        assertThat(r.exitCode()).as(r.stderrTail()).isZero();
        String[] child = r.stdoutHead().strip().split(" ");
        assertThat(child[1]).as("session").isNotEqualTo(self[3]);
        assertThat(child[0]).as("process group").isNotEqualTo(self[2]);
    }

    @Test
    void exitCodePropagates() {
        assertThat(bash.run("exit 7").exitCode()).isEqualTo(7);
        assertThat(bash.run("true").exitCode()).isZero();
        assertThat(bash.run("true").timedOut()).isFalse();
    }

    @Test
    void pipefailMakesAFailingPipeStageFailTheCommand() {
        assertThat(bash.run("false | true").exitCode()).isEqualTo(1);
    }

    @Test
    void noglobKeepsAsteriskLiteral() {
        bash.run("touch a.txt b.txt");

        assertThat(bash.run("echo *").stdoutHead()).isEqualTo("*\n");
    }

    @Test
    // Guard only: with an open stdin pipe `cat` would wait forever instead of failing.
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stdinIsClosedSoCatReturnsAtOnceWithNothing() {
        CommandResult result = bash.run("cat");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutHead()).isEmpty();
        assertThat(result.stdoutBytes()).isZero();
    }

    @Test
    void bashEnvInTheGivenEnvironmentIsNotHonoured() {
        Path startup = bash.write("startup.sh", "echo SOURCED-BASH_ENV\n");
        Path posixStartup = bash.write("posix-startup.sh", "echo SOURCED-ENV\n");
        Map<String, String> env = new HashMap<>(BashFixture.baseEnvironment());
        env.put("BASH_ENV", startup.toString());
        env.put("ENV", posixStartup.toString());
        CommandRequest request = new CommandRequest(
                "echo body; echo \"[${BASH_ENV-unset}][${ENV-unset}]\"",
                bash.cwd,
                env,
                bash.stdoutLog,
                bash.stderrLog,
                "execute",
                null);

        CommandResult result = bash.runner.run(request);

        assertThat(result.stdoutHead()).isEqualTo("body\n[unset][unset]\n");
    }

    @Test
    void workingDirectoryIsTheRequestedOne() throws Exception {
        assertThat(Path.of(bash.run("pwd -P").stdoutHead().strip())).isEqualTo(bash.cwd.toRealPath());
    }

    @Test
    void environmentIsExactlyTheGivenMap() {
        String jvmOnly = System.getenv().keySet().stream()
                .filter(name -> !BashFixture.baseEnvironment().containsKey(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the JVM has no variable to check for leakage"));
        Map<String, String> env = new HashMap<>(BashFixture.baseEnvironment());
        env.put("CUTOVER_MARKER", "with spaces = and $dollar");
        CommandRequest request =
                new CommandRequest("env", bash.cwd, env, bash.stdoutLog, bash.stderrLog, "execute", null);

        Map<String, String> seen = parseEnv(bash.runner.run(request).stdoutHead());

        assertThat(seen).doesNotContainKey(jvmOnly);
        // bash itself exports PWD, SHLVL and `_`; everything else must be what we passed.
        seen.keySet().removeAll(java.util.List.of("PWD", "SHLVL", "_"));
        assertThat(seen).isEqualTo(env);
    }

    @Test
    void requestWithoutPathIsRefusedBecauseBashWouldSearchTheCwd() {
        assertThatThrownBy(() ->
                        new CommandRequest("true", bash.cwd, Map.of(), bash.stdoutLog, bash.stderrLog, "execute", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PATH");
    }

    @Test
    void aMissingWorkingDirectoryIsAFailedCommandWithTheReasonAsItsStderr() {
        Path absent = dir.resolve("absent");
        CommandRequest request = new CommandRequest(
                "touch ran", absent, BashFixture.baseEnvironment(), bash.stdoutLog, bash.stderrLog, "verify", null);

        CommandResult result = bash.runner.run(request);

        assertThat(result.exitCode())
                .isEqualTo(CommandResult.NOT_STARTED_EXIT_CODE)
                .isEqualTo(127);
        assertThat(result.stderrTail())
                .isEqualTo("cutover: the command was not run (exit code 127): " + absent
                        + ": the working directory does not exist\n");
        assertThat(BashFixture.read(bash.stdoutLog))
                .contains(" verify start ====")
                .contains(" verify exit=127 ====");
        assertThat(absent).doesNotExist();
    }

    @Test
    void unwritableLogIsAnIoFailureAndLeavesNoCommandRunning() {
        // /dev/full opens fine and fails every write (ENOSPC), like a full disk.
        String token = "cutover-test-" + java.util.UUID.randomUUID();
        CommandRequest request = new CommandRequest(
                "sleep 100; echo " + token,
                bash.cwd,
                BashFixture.baseEnvironment(),
                Path.of("/dev/full"),
                bash.stderrLog,
                "execute",
                null);

        assertThatThrownBy(() -> bash.runner.run(request))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(token))
                        .filter(p -> BashFixture.running(p.pid())))
                .isEmpty();
    }

    @Test
    void startAndEndInstantsComeFromTheClock() {
        CommandResult result = bash.run("true");

        assertThat(result.startedAt()).isEqualTo(BashFixture.NOW);
        assertThat(result.endedAt()).isEqualTo(BashFixture.NOW);
    }

    private static Map<String, String> parseEnv(String output) {
        return Arrays.stream(output.split("\n"))
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1),
                        (a, b) -> b,
                        HashMap::new));
    }
}
