package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic plans of the overhead, compile, memory and start-up benchmarks are valid signed run directories. */
class SyntheticPlanTest {
    @TempDir
    Path tmp;

    @Test
    void syntheticPlanOfNItemsCompilesToNStepsAndTheHandoffWithoutWarnings() {
        Path dir = new SyntheticPlan(50, "true", "true", List.of("true")).write(tmp.resolve("run"), Clock.systemUTC());

        CompiledPlan compiled = new CompileService().compileInMemory(new RunDirectory(dir), Optional.empty());

        List<ExecutionStep> steps = compiled.plan().steps();
        assertThat(compiled.plan().warnings()).isEmpty();
        assertThat(steps).hasSize(51);
        assertThat(steps).filteredOn(ExecutionStep::handoff).hasSize(1);
        assertThat(steps).filteredOn(s -> !s.handoff()).allSatisfy(s -> {
            assertThat(s.executeCmd()).isEqualTo("true");
            assertThat(s.verifyCmd()).isEqualTo("true");
            assertThat(s.human()).isFalse();
        });
        // Every phase holds items, and data-plane steps on the same bucket are chained by requires.
        assertThat(steps.stream().map(s -> s.plane() + s.phaseNumber()).distinct())
                .hasSize(12);
        assertThat(steps)
                .filteredOn(s -> s.plane().equals("dp"))
                .anySatisfy(s -> assertThat(s.requires()).anyMatch(r -> r.startsWith("dp-")));
    }

    @Test
    void theSignedMarkdownListsEveryItemByItsOwnShortId() throws Exception {
        Path dir = new SyntheticPlan(50, "true", "true", List.of("true")).write(tmp.resolve("run"), Clock.systemUTC());

        String controlPlane = Files.readString(dir.resolve("cutover-checklist-control-plane.md"));
        String dataPlane = Files.readString(dir.resolve("cutover-checklist-data-plane.md"));

        // 50 items round-robin over 7 control-plane and 5 data-plane phases: 30 and 20.
        assertThat(controlPlane.lines().filter(l -> l.startsWith("- [ ] `cp-phase")))
                .hasSize(30);
        assertThat(dataPlane.lines().filter(l -> l.startsWith("- [ ] `dp-phase")))
                .hasSize(20);
        assertThat(controlPlane).contains("`cp-phase0-001`", "`cp-phase0-005`", "`cp-phase6-004`");
    }

    @Test
    void aPlanHasAtMostWhatTheSequenceNumbersOfTwelvePhasesAllow() {
        assertThatThrownBy(() -> new SyntheticPlan(SyntheticPlan.MAX_ITEMS + 1, "true", "true", List.of("true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void syntheticPlanPassesEveryPreflightCheck() {
        Path dir = new SyntheticPlan(30, "head -c 10 /dev/zero", "true", List.of("head", "true"))
                .write(tmp.resolve("run"), Clock.systemUTC());

        Cli.Result r = Cli.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.both()).isZero();
    }

    @Test
    void syntheticPlanIsExecutedToTheEndWithTheBenchmarksAnswersFile() throws Exception {
        Path dir = new SyntheticPlan(3, OverheadBench.COMMAND, OverheadBench.COMMAND, List.of("true"))
                .write(tmp.resolve("run"), Clock.systemUTC());
        Path answers = Answers.approveAll(tmp);

        Cli.Result r = Cli.run("execute", "--run-dir", dir.toString(), "--answers", answers.toString());

        assertThat(r.exit()).as(r.both()).isZero();
        RunJournal journal = RunJournal.of(dir);
        assertThat(journal.completed()).isTrue();
        assertThat(journal.steps()).isEqualTo(4);
        // Execute and verify of each item; the handoff's two `true` placeholders start no bash.
        assertThat(journal.commands()).isEqualTo(6);
    }
}
