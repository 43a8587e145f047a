package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanRunTest {
    @TempDir
    Path tmp;

    @Test
    void approvingEveryStepCompletesAndTheTargetEqualsTheSource() throws Exception {
        RunOutcome run = Scenario.demo(tmp).run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.exitCode()).isZero();
        JsonNode steps =
                new ObjectMapper().readTree(run.file("execution-steps.json").toFile());
        assertThat(steps).isNotEmpty();
        for (JsonNode step : steps) {
            String id = step.path("step_id").asText();
            assertThat(run.events(id)).as(id).endsWith("step-succeeded");
        }
        JsonNode summary = run.summary();
        assertThat(summary.path("verdict").asText()).isEqualTo("completed");
        assertThat(summary.path("steps_succeeded").asInt()).isEqualTo(steps.size());
        assertThat(summary.path("steps_blocked").asInt()).isZero();
        for (String f : new String[] {"orders.csv", "customers.csv", "inventory.csv"}) {
            assertThat(run.file("service/target/demo-data/" + f))
                    .hasSameBinaryContentAs(run.file("service/source/demo-data/" + f));
        }
        assertThat(Files.readSymbolicLink(run.file("service/live"))).isEqualTo(Path.of("target", "demo-data"));
        assertThat(run.file("RUNNING.lock")).doesNotExist();
        assertThat(run.timeline()).last().isEqualTo("cp-phase0-000-run lock-released");
    }
}
