package dev.cutover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunDirectoryTest {
    private static final DemoRunDirectory DEMO =
            new DemoRunDirectory(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    private static final int ROUNDS = 40;

    @TempDir
    Path tmp;

    @Test
    void ofTwoDemosWritingOneFolderAtOnceExactlyOneWritesItAndTheOtherIsAUsageError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path dir = tmp.resolve("demo-" + round);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ErrorCode>> writers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    writers.add(pool.submit(() -> {
                        together.await();
                        try {
                            DEMO.write(dir);
                            return null;
                        } catch (CutoverException e) {
                            return e.code();
                        }
                    }));
                }
                List<ErrorCode> outcomes = new ArrayList<>();
                for (Future<ErrorCode> w : writers) {
                    outcomes.add(w.get(30, TimeUnit.SECONDS));
                }

                // Never both (each overwriting the other's files), never an I/O failure (exit 70).
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(null, ErrorCode.USAGE);
                assertThat(dir.resolve(DemoRunDirectory.CLAIM)).doesNotExist();
                assertThat(Files.readSymbolicLink(dir.resolve("service/live")))
                        .isEqualTo(Path.of("source", "demo-data"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderAnotherDemoIsStillWritingIsRefusedAndItsClaimLeftInPlace() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("demo"));
        Files.createFile(dir.resolve(DemoRunDirectory.CLAIM));

        assertThatThrownBy(() -> DEMO.write(dir))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("another cutover demo is writing it");
        assertThat(dir.resolve(DemoRunDirectory.CLAIM)).exists();
        assertThat(dir.resolve("cutover.yaml")).doesNotExist();
    }

    @Test
    void aNonEmptyFolderIsRefusedAndKeepsOnlyWhatItHad() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> DEMO.write(dir)).hasMessageContaining("is not empty");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }
}
