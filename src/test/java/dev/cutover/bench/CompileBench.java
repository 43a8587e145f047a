package dev.cutover.bench;

import dev.cutover.app.CompileService;
import dev.cutover.app.CompiledPlan;
import dev.cutover.input.RunDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark 4 (issue 7): compile synthetic plans of 1,000 and 10,000 steps — load and schema-validate the inputs,
 * compile, serialize and schema-validate {@code execution-steps.json} ({@link CompileService#compileInMemory}) —
 * in this JVM after a warm-up, best of three; and once each as {@code cutover compile} processes (what an
 * operator waits for, JVM start-up and the file write included).
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
        f.ratio("compile." + small + ".ms", smallMs, "in-process compile, best of " + rounds);
        f.count("compile." + small + ".steps_per_s", Math.round(small / smallMs * 1000), "steps / second");
        f.ratio("compile." + large + ".ms", largeMs, "in-process compile, best of " + rounds);
        f.count("compile." + large + ".steps_per_s", Math.round(large / largeMs * 1000), "steps / second");
        f.ratio("compile.size_ratio", largeMs / smallMs, "JUDGED: about 10 (linear in steps)");
        for (int n : List.of(small, large)) {
            Path dir = base.resolve("plan-" + n);
            JarRunner.Run run = ctx.runner()
                    .run(List.of(), false, "compile", "--run-dir", dir.toString())
                    .expectExit(0, "compile " + dir);
            f.millis(
                    "compile." + n + ".process_ms", run.millis(), "`cutover compile` wall time, JVM start-up included");
        }
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
}
