package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.RepairService;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A crash can stop the journal at any byte. Cut a completed run's journal at an arbitrary offset and resume: the
 * result is either a clean resume that completes the run (the cut fell on a line boundary) or the torn-tail
 * refusal (exit 6) — after which {@code repair} and a resume complete it. Never another exception, never a run
 * that ends anywhere but completed with the target in its final state.
 */
class ResumeTruncationPropertyTest {
    private static Path base;
    private static byte[] journal;

    private static synchronized Path completedRun() {
        if (base == null) {
            try {
                Path tmp = Files.createTempDirectory("cutover-truncation-");
                Scenario s = Scenario.demo(tmp);
                RunOutcome run = s.run(new ScriptedApprover());
                assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
                base = s.dir();
                journal = Files.readAllBytes(base.resolve("execution-log.jsonl"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }

    @Provide
    Arbitrary<Integer> offsets() {
        completedRun();
        // Past the metadata line: a journal is created whole (ADR 0005), so a crash can cut only appended lines.
        int firstEntry = indexOf(journal, (byte) '\n') + 1;
        return Arbitraries.integers().between(firstEntry, journal.length);
    }

    @Property(tries = 25)
    void aJournalCutAtAnyByteResumesCleanlyOrIsRefusedAsTornAndRepairable(@ForAll("offsets") int offset)
            throws IOException {
        Path dir = copyOf(completedRun());
        Files.write(dir.resolve("execution-log.jsonl"), java.util.Arrays.copyOf(journal, offset));
        boolean onBoundary = journal[offset - 1] == '\n';
        Scenario s = Scenario.at(dir);
        try {
            RunOutcome run;
            try {
                run = s.resume(new ScriptedApprover());
                assertThat(onBoundary).as("a cut inside a line must be refused").isTrue();
            } catch (CutoverException e) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.JOURNAL_TORN_TAIL);
                assertThat(onBoundary)
                        .as("a cut on a line boundary is a clean journal")
                        .isFalse();
                Optional<?> repaired = new RepairService(Clock.systemUTC(), () -> "test-host", Optional::empty)
                        .repair(new RunDirectory(dir), Map.of("USER", "tester"));
                assertThat(repaired).isPresent();
                run = s.resume(new ScriptedApprover());
            }
            assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
            assertThat(Files.readSymbolicLink(dir.resolve("service/live"))).hasToString("target/demo-data");
            assertThat(Files.exists(dir.resolve("RUNNING.lock"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
        } finally {
            delete(dir.getParent());
        }
    }

    @AfterContainer
    static void removeBase() {
        if (base != null) {
            delete(base.getParent());
        }
    }

    private static Path copyOf(Path source) throws IOException {
        Path target = Files.createTempDirectory("cutover-truncated-").resolve("run");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: temp directories
        }
    }
}
