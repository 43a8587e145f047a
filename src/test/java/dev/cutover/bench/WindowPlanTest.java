package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window benchmark's generated plan is a valid, signed run directory of the upstream example's shape. */
class WindowPlanTest {
    @TempDir
    Path tmp;

    private CompiledPlan compile(int minuteMillis) {
        Path dir = new WindowPlan(minuteMillis).write(tmp.resolve("run"), Clock.systemUTC());
        return new CompileService().compileInMemory(new RunDirectory(dir), Optional.empty());
    }

    @Test
    void windowPlanCompilesWithoutWarningsToTheUpstreamShape() {
        CompiledPlan compiled = compile(10);

        List<ExecutionStep> steps = compiled.plan().steps();
        assertThat(compiled.plan().warnings()).isEmpty();
        assertThat(steps).hasSize(31);
        assertThat(steps.stream().filter(ExecutionStep::longRunning).map(ExecutionStep::stepId))
                .containsExactly(
                        "dp-phase2-010-assets-bulk", "dp-phase2-020-logs-bulk", "dp-phase2-030-restore-orders");
        assertThat(steps.stream().filter(ExecutionStep::irreversible).map(ExecutionStep::stepId))
                .containsExactly("dp-phase4-040-switch-dns");
        assertThat(PointOfNoReturn.of(steps).orElseThrow().stepId()).isEqualTo("dp-phase3-010-put-secret");
        assertThat(steps.stream().filter(s -> s.runtimeParams().size() > 0)).isEmpty();
    }

    @Test
    void windowPlanJobsAreRealBackgroundProcessesPolledWithCat() {
        ExecutionStep assets =
                compile(10).plan().step("dp-phase2-010-assets-bulk").orElseThrow();

        assertThat(assets.executeCmd())
                .startsWith("bash -c ")
                .contains("sleep 5.400")
                .contains("nohup");
        assertThat(assets.pollCmd()).isEqualTo("cat jobs/dp-phase2-010-assets-bulk.state");
        assertThat(assets.pollSuccessStates()).containsExactly("Complete");
    }

    @Test
    void windowPlanPassesEveryPreflightCheckSoItsRunIsSigned() {
        Path dir = new WindowPlan(10).write(tmp.resolve("run"), Clock.systemUTC());

        Cli.Result r = Cli.run("preflight", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(dir.resolve("execution-log.jsonl")).doesNotExist();
        assertThat(Files.isDirectory(dir.resolve("jobs"))).isTrue();
    }

    @Test
    void criticalPathOfTheWindowPlanIsTheLongestJobBehindTheControlPlaneThenTheLaterPhases() {
        CompiledPlan compiled = compile(1);
        CriticalPath path = CriticalPath.of(compiled.plan().steps(), compiled.inputs());
        var minutes = new WindowPlan(1).durationsMillis();

        // 160 control plane + 10 pre-staging + 540 (the assets job; the point of no return waits for it)
        // + 90 application data + 25 cutover + 35 validation; the strict walk adds 300 + 60 of jobs.
        assertThat(path.millis(minutes, 4)).isEqualTo(860);
        assertThat(path.sequentialMillis(minutes)).isEqualTo(1220);
        assertThat(path.barriers())
                .contains(
                        "cp-phase6-010-validate-shape",
                        ExecutionStep.HANDOFF_STEP_ID,
                        "dp-phase3-010-put-secret",
                        "dp-phase4-001-lower-ttl");
    }

    @Test
    void criticalPathWaitsForAFreeSlotWhenFewerJobsMayRunAtOnce() {
        CompiledPlan compiled = compile(1);
        CriticalPath path = CriticalPath.of(compiled.plan().steps(), compiled.inputs());
        var minutes = new WindowPlan(1).durationsMillis();

        // Two slots: the restore waits for the logs job (ends at 470) and still ends before the assets job.
        assertThat(path.millis(minutes, 2)).isEqualTo(860);
        // One slot: every job waits for the one before it, which is the strict walk's sum.
        assertThat(path.millis(minutes, 1)).isEqualTo(1220);
    }
}
