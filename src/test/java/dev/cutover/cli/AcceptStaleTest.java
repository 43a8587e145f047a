package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --accept-stale} lets old inputs through and the journal says which (docs/preflight.md, check 5). */
class AcceptStaleTest {
    @TempDir
    Path tmp;

    @Test
    void theLockEntryNamesEveryStaleInputTheRunAccepted() throws Exception {
        // Scenario.demo captures its inputs on a fixed test date; the command line judges them on today's clock.
        Path dir = Scenario.demo(tmp).dir();

        CliRunner.Result r = CliRunner.run(
                "execute",
                "--run-dir",
                dir.toString(),
                "--accept-stale",
                "--answers",
                CompletedDemo.APPROVE_ALL.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("execution-log.jsonl"));
        JsonNode lock = new ObjectMapper().readTree(lines.get(1));
        assertThat(lock.path("event").asText()).isEqualTo("lock-acquired");
        assertThat(lock.path("notes").asText())
                .contains("--accept-stale: inputs older than 14 days accepted: ")
                .contains("migration-plan.json", "cutover-checklist-control-plane.json", "dependency-graph.json");
    }
}
