package dev.cutover.bench;

import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.app.RunbookService;
import dev.cutover.input.RunDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark 4 (issue 7): compile synthetic plans of 1,000 and 10,000 steps — load and schema-validate the inputs,
 * compile, serialize and schema-validate {@code execution-steps.json} ({@link CompileService#compileInMemory}) —
 * in this JVM after a warm-up, best of three; and once each as {@code cutover compile} processes (what an
 * operator waits for, JVM start-up and the file write included). Then the same for {@code cutover runbook} on the
 * same plans ({@link RunbookService#write}: that compile, then both documents rendered and written), which must
 * scale like the compile.
 */
final class CompileBench implements Benchmark {
    @Override
    public String name() {
        return "compile";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Figures f = ctx.figures();
        int small = ctx.quick() ? 100 : 1000;
        int large = small * 10;
        Path base = ctx.workDir("compile");
        Path smallDir = plan(base, small);
        Path largeDir = plan(base, large);
        CompileService service = new CompileService();
        int rounds = ctx.quick() ? 1 : 3;
        compileMillis(service, smallDir, 2); // warm-up: class loading, schema validators, JIT
        double smallMs = compileMillis(service, smallDir, rounds);
        double largeMs = compileMillis(service, largeDir, rounds);
        speed(f, "compile." + small, small, smallMs, "in-process compile, best of " + rounds);
        speed(f, "compile." + large, large, largeMs, "in-process compile, best of " + rounds);
        f.ratio("compile.size_ratio", largeMs / smallMs, "JUDGED: about 10 (linear in steps)");
        for (int n : List.of(small, large)) {
            Path dir = base.resolve("plan-" + n);
            JarRunner.Run run = ctx.runner()
                    .run(List.of(), false, "compile", "--run-dir", dir.toString())
                    .expectExit(0, "compile " + dir);
            f.millis(
                    "compile." + n + ".process_ms", run.millis(), "`cutover compile` wall time, JVM start-up included");
        }
        runbook(ctx, service, base, small, large, rounds);
    }

    /** The runbook figures: {@code cutover runbook} compiles as above, then renders and writes two documents. */
    private static void runbook(BenchContext ctx, CompileService compiler, Path base, int small, int large, int rounds)
            throws Exception {
        Figures f = ctx.figures();
        RunbookService service = new RunbookService(compiler);
        runbookMillis(service, base, small, 2); // warm-up of the rendering code
        double smallMs = runbookMillis(service, base, small, rounds);
        double largeMs = runbookMillis(service, base, large, rounds);
        String what = "in-process runbook (that compile, render, write), best of " + rounds;
        speed(f, "compile.runbook." + small, small, smallMs, what);
        speed(f, "compile.runbook." + large, large, largeMs, what);
        f.ratio("compile.runbook_size_ratio", largeMs / smallMs, "JUDGED: about 10 (linear in steps)");
        long smallProcess = runbookProcessMillis(ctx, base, small);
        long largeProcess = runbookProcessMillis(ctx, base, large);
        f.ratio(
                "compile.runbook_process_ratio",
                (double) largeProcess / smallProcess,
                "context: the processes' ratio; start-up is paid once in each, so below 10 when linear");
    }

    /** {@code <prefix>.ms} and {@code <prefix>.steps_per_s} for one size. */
    private static void speed(Figures f, String prefix, int steps, double ms, String what) {
        f.ratio(prefix + ".ms", ms, what);
        f.count(prefix + ".steps_per_s", Math.round(steps / ms * 1000), "steps / second");
    }

    /**
     * One {@code cutover runbook} process: what the operator waits for, with the launcher's C1-only JIT, where
     * work that grows faster than the plan shows more than in this JVM.
     */
    private static long runbookProcessMillis(BenchContext ctx, Path base, int items) throws Exception {
        Path dir = base.resolve("plan-" + items);
        JarRunner.Run run = ctx.runner()
                .run(
                        List.of(),
                        false,
                        "runbook",
                        "--run-dir",
                        dir.toString(),
                        "--out",
                        runbookFile(base, items).toString())
                .expectExit(0, "runbook " + dir);
        ctx.figures()
                .millis(
                        "compile.runbook." + items + ".process_ms",
                        run.millis(),
                        "`cutover runbook` wall time, JVM start-up included");
        return run.millis();
    }

    private static Path plan(Path base, int items) {
        return new SyntheticPlan(items, "true", "true", List.of("true"))
                .write(base.resolve("plan-" + items), Clock.systemUTC());
    }

    private static double compileMillis(CompileService service, Path dir, int rounds) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            CompiledPlan plan = service.compileInMemory(new RunDirectory(dir), Optional.empty());
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
            if (plan.plan().steps().isEmpty()) {
                throw new IllegalStateException("no steps compiled from " + dir);
            }
        }
        return best;
    }

    private static double runbookMillis(RunbookService service, Path base, int items, int rounds) {
        RunDirectory dir = new RunDirectory(base.resolve("plan-" + items));
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            RunbookService.Result result = service.write(dir, Optional.empty(), Optional.of(runbookFile(base, items)));
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
            if (result.steps() == 0) {
                throw new IllegalStateException("no steps in the runbook of " + dir.root());
            }
        }
        return best;
    }

    /** Beside the plan, not in it: the run directory stays as the generator wrote it. */
    private static Path runbookFile(Path base, int items) {
        return base.resolve("runbook-" + items + ".md");
    }
}
