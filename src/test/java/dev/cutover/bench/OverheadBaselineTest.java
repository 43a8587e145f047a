package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-step overhead's bash baseline really does the work it is compared for. */
class OverheadBaselineTest {
    @TempDir
    Path tmp;

    @Test
    void baselineLoopAppendsEveryLineAtTheRequestedWidthAndRunsEveryCommand() throws Exception {
        OverheadBench.Baseline timings = OverheadBench.baseline(tmp, 3, 5, 40);

        List<String> lines = Files.readAllLines(tmp.resolve("baseline-journal.jsonl"));
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).hasSize(40).matches("x+"));
        // The commands' (empty) output went to their log files, which the loop created.
        assertThat(tmp.resolve("baseline-journal.jsonl.stdout")).exists();
        assertThat(Files.readAllLines(tmp.resolve("baseline-journal.jsonl.nosync")))
                .hasSize(5);
        assertThat(Files.readAllLines(tmp.resolve("baseline-journal.jsonl.printf")))
                .hasSize(5);
        assertThat(timings.total()).isEqualTo(timings.forks() + timings.ddFsync());
    }
}
