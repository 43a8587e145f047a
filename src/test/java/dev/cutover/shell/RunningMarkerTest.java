package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker that exists exactly while a mutating command's bash runs, and what it says about that bash. */
class RunningMarkerTest {
    @TempDir
    Path dir;

    BashFixture bash;

    @BeforeEach
    void setUp() {
        bash = new BashFixture(dir);
    }

    @Test
    void theMarkerNamesTheRunningBashAndIsGoneOnceItExits() throws Exception {
        Path marker = dir.resolve("execution/step-1.execute.running");
        // The command waits for its marker (written just after the start), reads it and prints its own pid.
        CommandRequest request = new CommandRequest(
                "for i in $(seq 500); do [ -e " + marker + " ] && break; sleep 0.01; done; cat " + marker
                        + "; echo \"bash=$$\"",
                bash.cwd,
                BashFixture.baseEnvironment(),
                bash.stdoutLog,
                bash.stderrLog,
                "execute",
                null);

        CommandResult result = bash.runner.run(request, marker);

        assertThat(result.exitCode()).as(result.stderrTail()).isZero();
        String bashPid = result.stdoutHead()
                .lines()
                .filter(l -> l.startsWith("bash="))
                .findFirst()
                .orElseThrow();
        assertThat(result.stdoutHead()).matches("pid=" + bashPid.substring(5) + " started=\\S+ kind=execute\\n.*\\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aMarkerOfALiveProcessIsAliveAndOfAnEndedOrRecycledOneIsNot() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Instant started = sleeper.toHandle().info().startInstant().orElseThrow();
            Path live = Files.writeString(
                    dir.resolve("live.running"), "pid=" + sleeper.pid() + " started=" + started + " kind=execute\n");
            Path recycled = Files.writeString(
                    dir.resolve("recycled.running"),
                    "pid=" + sleeper.pid() + " started=" + started.minusSeconds(3600) + " kind=rollback\n");

            assertThat(RunningMarker.read(live)).hasValueSatisfying(m -> {
                assertThat(m.alive()).isTrue();
                assertThat(m.kind()).isEqualTo("execute");
            });
            assertThat(RunningMarker.read(recycled))
                    .hasValueSatisfying(m -> assertThat(m.alive())
                            .as("same pid, another start time")
                            .isFalse());

            sleeper.destroy();
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(RunningMarker.read(live))
                    .hasValueSatisfying(m -> assertThat(m.alive()).isFalse());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void anythingElseIsNoMarker() throws Exception {
        assertThat(RunningMarker.read(dir.resolve("absent.running"))).isEmpty();
        for (String text : new String[] {"", "pid=x started=? kind=execute", "pid=1 kind=execute", "hello world !"}) {
            assertThat(RunningMarker.read(Files.writeString(dir.resolve("m.running"), text)))
                    .as(text)
                    .isEmpty();
        }
    }
}
