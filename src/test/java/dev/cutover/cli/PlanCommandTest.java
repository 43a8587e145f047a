package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testing.RunDirFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path tmp;

    @Test
    void planSummarisesEveryPhaseBucketAndTheFiles() {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));

        CliRunner.Result r = CliRunner.run("plan", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        for (String bucket : new String[] {"CP0=", "CP6=", "handoff=1", "DP1=", "DP5="}) {
            assertThat(r.out()).contains(bucket);
        }
        assertThat(r.out())
                .contains("Long-running jobs (polled):")
                .contains("dp-phase4-030-route53-cutover")
                .contains("Runtime parameters still needed")
                .contains("  dp-phase2-040-datasync-labels: task-arn, task-execution-arn (captured from the execute's"
                        + " output)\n")
                .contains("Point of no return: dp-phase2-040-datasync-labels\n"
                        + "  no rollback command for this datasync-start step, and data has moved since "
                        + "dp-phase2-010-batch-docs\n")
                .contains("execution-steps.json (missing)")
                .contains("execution-log.jsonl");
    }

    @Test
    void onAStartedRunWhoseInputsChangedPlanAdvisesRestoringThemNotCompiling() throws Exception {
        Path dir = CompletedDemo.in(tmp.resolve("demo"));
        CompletedDemo.retargetConfigCopy(dir);

        CliRunner.Result r = CliRunner.run("plan", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("(stale)")
                .contains("next: a run already started here with the stored steps file")
                .doesNotContain("next: cutover compile");
    }

    @Test
    void planJsonCarriesTheSameFiguresAsTheText() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        CliRunner.run("compile", "--run-dir", dir.toString());

        CliRunner.Result r = CliRunner.run("plan", "--run-dir", dir.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("steps_file_state").asText()).isEqualTo("current");
        assertThat(json.path("steps_per_phase").path("handoff").asInt()).isEqualTo(1);
        int sum = 0;
        for (JsonNode n : json.path("steps_per_phase")) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(json.path("total_steps").asInt());
        assertThat(json.path("irreversible").toString()).contains("dp-phase4-030-route53-cutover");
        assertThat(json.path("estimated_seconds").asLong()).isPositive();
        assertThat(json.path("point_of_no_return").path("step_id").asText()).isEqualTo("dp-phase2-040-datasync-labels");
        assertThat(json.path("point_of_no_return").path("reason").asText()).contains("data has moved");
    }

    @Test
    void planGraphPrintsAMermaidFlowchartWithEveryStepAndTheHandoffEdges() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        CliRunner.run("compile", "--run-dir", dir.toString());
        JsonNode steps =
                new ObjectMapper().readTree(dir.resolve("execution-steps.json").toFile());

        CliRunner.Result r = CliRunner.run("plan", "--run-dir", dir.toString(), "--graph", "mermaid");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("flowchart TD\n")
                .contains("subgraph handoff")
                .contains(" --> ");
        for (JsonNode s : steps) {
            assertThat(r.out()).contains("\"" + s.path("step_id").asText() + "<br/>");
        }
    }
}
