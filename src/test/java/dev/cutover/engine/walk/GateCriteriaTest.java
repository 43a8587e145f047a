package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cutover.approval.PromptKind;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine-checkable gate criteria (issue 5): a criterion naming a step of the plan is checked by that step's
 * read-only verify command when the gate is asked; the result is shown to the signers and journaled, and a
 * failed check blocks the gate.
 */
class GateCriteriaTest {
    private static final String DP4_FIRST = "dp-phase4-001-announce";
    private static final String RUN = "cp-phase0-000-run";
    private static final String COPY_DATA = "dp-phase2-010-copy-data";
    private static final String LAST_OF_PHASE_3 = "dp-phase3-010-copy-config";

    @TempDir
    Path tmp;

    /** The demo with extra criteria on its data-plane Cutover gate (phase 4). */
    private Scenario withCriteria(String... criteria) {
        return Scenario.demo(tmp).editJson(Scenario.DP, root -> {
            ArrayNode list =
                    (ArrayNode) root.path("phases").get(3).path("go_no_go_gate").path("criteria");
            for (String c : criteria) {
                list.add(c);
            }
        });
    }

    @Test
    void aCriterionNamingAStepIsCheckedByItsVerifyCommandAndTheResultShownAndJournaled() {
        RunOutcome run =
                withCriteria(COPY_DATA + ": the bulk copy matches the source").run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.GATE, DP4_FIRST).get(0).prompt())
                .contains("[x] " + COPY_DATA + ": the bulk copy matches the source  (checked: verify of " + COPY_DATA
                        + " exited 0)")
                .contains("[ ] service/copy-job.state is SUCCESS");
        List<JsonNode> checks = run.entries(RUN, "verify-passed");
        assertThat(checks).singleElement().satisfies(e -> {
            assertThat(e.path("cmd").asText()).isEqualTo("diff -r service/source/demo-data service/target/demo-data");
            assertThat(e.path("exit_code").asInt()).isZero();
            assertThat(e.path("notes").asText()).startsWith("gate dp4 criterion check (verify of " + COPY_DATA + ")");
        });
        assertThat(run.timeline().indexOf(RUN + " verify-passed"))
                .isLessThan(run.timeline().lastIndexOf(RUN + " approved"))
                .isGreaterThan(run.timeline().indexOf("dp-phase3-010-copy-config step-succeeded"));
    }

    @Test
    void aPollDerivedCheckThatExitsZeroOnAFailedJobStateBlocksTheGate() {
        // The copy's verify reads the job's state (as upstream poll-derived verifies do): exit 0 whatever the state.
        Scenario s = withCriteria(COPY_DATA + ": the copy job reports SUCCESS")
                .editItem(COPY_DATA, i -> i.put("verification_command", "cat service/copy-job.state"));
        RunOutcome run = s.run(new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(LAST_OF_PHASE_3),
                        q -> write(s.dir().resolve("service/copy-job.state"), "ERROR\n")));

        assertThat(run.verdict()).as(run.output()).isEqualTo("halted");
        assertThat(run.output())
                .contains("GATE BLOCKED", "[!] " + COPY_DATA + ": the copy job reports SUCCESS")
                .contains("CHECK FAILED: verify of " + COPY_DATA + ": poll state is not a success state");
        assertThat(run.entries(RUN, "verify-failed"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("exit_code").asInt()).isZero());
        assertThat(run.events(DP4_FIRST)).isEmpty();
    }

    private static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFailedCheckBlocksTheGateBeforeAnyoneSignsAndTheRunHaltsBeforeThePhase() {
        // The target copy gains a file the source does not have before the phase 4 gate is asked: its verify fails.
        Scenario s = withCriteria("the target still matches the source (" + COPY_DATA + ")");
        RunOutcome run = s.run(new ScriptedApprover()
                .onAsk(
                        q -> q.kind() == PromptKind.APPROVE && q.stepId().equals(LAST_OF_PHASE_3),
                        q -> write(s.dir().resolve("service/target/demo-data/stray.txt"), "not in the source\n")));

        assertThat(run.verdict()).isEqualTo("halted");
        assertThat(run.output()).contains("GATE BLOCKED", "[!] the target still matches the source", "CHECK FAILED");
        assertThat(run.asked(PromptKind.GATE, DP4_FIRST))
                .as("nobody is asked to sign")
                .isEmpty();
        assertThat(run.entries(RUN, "verify-failed"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("exit_code").asInt()).isNotZero());
        assertThat(run.events(DP4_FIRST)).isEmpty();
        assertThat(run.entries(RUN, "approved"))
                .noneSatisfy(e -> assertThat(e.path("notes").asText()).startsWith("gate dp4"));
    }

    @Test
    void aCriterionWithoutAStepOrNamingAStepWithoutVerifyIsLeftToTheSigners() {
        RunOutcome run = withCriteria("dp-phase4-001-announce done", "cp-phase9-001-nothing exists")
                .run(new ScriptedApprover());

        assertThat(run.verdict()).as(run.output()).isEqualTo("completed");
        assertThat(run.asked(PromptKind.GATE, DP4_FIRST).get(0).prompt())
                .contains("[ ] dp-phase4-001-announce done\n", "[ ] cp-phase9-001-nothing exists\n");
        assertThat(run.entries(RUN, "verify-passed")).isEmpty();
        assertThat(run.entries(RUN, "verify-failed")).isEmpty();
    }
}
