package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.DemoRunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A go/no-go gate whose inputs cannot be signed in order is refused where the inputs are read (exit 2, file and JSON
 * pointer), by compile and by every command that compiles — never met mid-run at the gate.
 */
class GateInputsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APPROVE_ALL = Path.of("examples", "demo-approve-all.txt");
    private static final String CP = "cutover-checklist-control-plane.json";

    @TempDir
    Path tmp;

    private Path demo() {
        return new DemoRunDirectory(Clock.systemUTC()).write(tmp.resolve("demo"));
    }

    /** Sets the approvers of the control plane's phase 6 gate (the demo's first gate). */
    private static void controlPlaneGateApprovers(Path dir, String... teams) throws IOException {
        Path file = dir.resolve(CP);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode approvers = ((ObjectNode) root.path("phases").get(6).path("go_no_go_gate")).putArray("approvers");
        for (String team : teams) {
            approvers.add(team);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void controlPlaneGateCriteria(Path dir, String... criteria) throws IOException {
        Path file = dir.resolve(CP);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode list = ((ObjectNode) root.path("phases").get(6).path("go_no_go_gate")).putArray("criteria");
        for (String criterion : criteria) {
            list.add(criterion);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static CliRunner.Result execute(Path dir, String... more) {
        List<String> args =
                new ArrayList<>(List.of("execute", "--run-dir", dir.toString(), "--answers", APPROVE_ALL.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aBlankApproverTeamBesideARealOneIsRefusedByCompileAndNothingRuns() throws IOException {
        Path dir = demo();
        controlPlaneGateApprovers(dir, "platform", " ");

        CliRunner.Result compiled = CliRunner.run("compile", "--run-dir", dir.toString());
        CliRunner.Result executed = execute(dir);

        assertThat(compiled.exit()).as(compiled.out() + compiled.err()).isEqualTo(2);
        assertThat(compiled.err())
                .contains(CP + ": /phases/6/go_no_go_gate/approvers/1: the go/no-go gate of control-plane phase 6"
                        + " lists a blank approver team")
                .contains("write the team's name as cutover.yaml approvers names it, or remove the entry");
        assertThat(executed.exit()).as(executed.out() + executed.err()).isEqualTo(2);
        assertThat(executed.out() + executed.err()).contains(CP + ": /phases/6/go_no_go_gate/approvers/1");
        assertThat(dir.resolve("service/target")).as("no step ran").doesNotExist();
    }

    /**
     * A run started before the entry was refused (or whose checklist was edited since) is not met at the gate with an
     * internal error: resume refuses at its input check, and removing the entry — the gate's approvers are not part
     * of the steps file, so the plan is unchanged — lets the run go on.
     */
    @Test
    void aStartedRunWhoseGateGainedABlankApproverIsRefusedAtResumeNotCrashedAtTheGate() throws IOException {
        Path dir = demo();
        Path stop = tmp.resolve("stop.txt");
        Files.writeString(stop, "approve cp-phase1-010-create-target abort\n" + Files.readString(APPROVE_ALL));
        CliRunner.Result halted = CliRunner.run("execute", "--run-dir", dir.toString(), "--answers", stop.toString());
        assertThat(halted.exit()).as(halted.out() + halted.err()).isEqualTo(5);
        controlPlaneGateApprovers(dir, "platform", "\u200B");

        CliRunner.Result refused = execute(dir, "--resume");
        controlPlaneGateApprovers(dir, "platform");
        CliRunner.Result resumed = execute(dir, "--resume");

        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err())
                .contains(CP + ": /phases/6/go_no_go_gate/approvers/1")
                .doesNotContain("internal error");
        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
    }

    /**
     * The control-plane gate waiting on the data plane's switch of service/live, which runs long after it: review
     * used to PASS it and the run halted at the gate with a fix that meant switching by hand.
     */
    @Test
    void aCriterionCheckedByALaterStepIsRefusedByCompileAndReviewBeforeAnythingRuns() throws IOException {
        Path dir = demo();
        controlPlaneGateCriteria(
                dir,
                "dp-phase4-030-switch-live: live link points at the target",
                "service/live still points at source/demo-data");

        CliRunner.Result compiled = CliRunner.run("compile", "--run-dir", dir.toString());
        CliRunner.Result reviewed = CliRunner.run("review", "--run-dir", dir.toString());
        CliRunner.Result executed = execute(dir);

        for (CliRunner.Result r : List.of(compiled, reviewed, executed)) {
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err())
                    .contains(CP + ": /phases/6/go_no_go_gate/criteria/0: the go/no-go gate of control-plane phase 6"
                            + " (Control Plane Validation) has a criterion checked by the verify of"
                            + " dp-phase4-030-switch-live, which runs after the gate is asked (before"
                            + " cp-phase6-090-target-empty)")
                    .contains("fix: name a step that runs before cp-phase6-090-target-empty, or move the gate to a"
                            + " phase after dp-phase4-030-switch-live");
        }
        assertThat(dir.resolve("service/target")).as("no step ran").doesNotExist();
    }
}
