package dev.cutover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.JobBarriers;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.compile.WindowEstimate;
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
    void windowPlanImpliesTheUpstreamWindowTheLongestJobBehindTheControlPlaneThenTheLaterPhases() {
        CompiledPlan compiled = compile(10);
        List<ExecutionStep> steps = compiled.plan().steps();

        WindowEstimate estimate = WindowEstimate.of(steps, JobBarriers.of(compiled.inputs(), steps), 4);

        // 160 min of control plane + 10 of pre-staging + 540 (the assets job; the point of no return waits for it)
        // + 90 of application data + 25 of cutover + 35 of validation; the strict walk adds the 300 + 60 of the
        // other two jobs. Every step lasts its time box, so these are the benchmark's lower bound and sum.
        assertThat(estimate.parallelSeconds()).isEqualTo(860 * 60);
        assertThat(estimate.sequentialSeconds()).isEqualTo(1220 * 60);
    }

    @Test
    void everyStepOfTheWindowPlanLastsItsTimeBoxAtTheSimulatedMinute() {
        CompiledPlan compiled = compile(10);

        for (ExecutionStep s : compiled.plan().steps()) {
            long millis = s.estimatedSeconds() * 10 / 60;
            String seconds = String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
            String timed =
                    s.longRunning() ? s.executeCmd() : s.human() ? s.verifyCmd() : s.executeCmd() + s.verifyCmd();
            if (millis > 0) {
                assertThat(timed).as(s.stepId()).contains("sleep " + seconds);
            } else {
                assertThat(timed).as(s.stepId()).doesNotContain("sleep");
            }
        }
    }
}
