package dev.cutover.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Benchmark 5 (issue 7): a step printing 1 GB to stdout, run by {@code cutover execute} with the JVM's default
 * heap (as {@code ./cutover} runs it); the peak RSS of that JVM (VmHWM), against the same run with a step printing
 * 1 kB. A ratio near 1 means the output is streamed to the step's log file, never held in memory.
 */
final class MemoryBench implements Benchmark {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Figures f = ctx.figures();
        long bytes = ctx.quick() ? 100_000_000L : 1_000_000_000L;
        Path base = ctx.workDir("memory");
        JarRunner.Run big = execute(ctx, base, "big", bytes);
        JarRunner.Run small = execute(ctx, base, "small", 1000);
        Path log = base.resolve("big/execution/" + SyntheticPlan.itemId(0) + ".stdout.log");
        long logged = Files.size(log);
        Files.delete(log); // a gigabyte of zeros is not worth keeping for inspection
        if (logged < bytes) {
            throw new IllegalStateException("the step's stdout log held " + logged + " bytes, not " + bytes);
        }
        f.count("memory.output_bytes", bytes, "what the step printed to stdout (all of it in its log file)");
        f.count("memory.peak_rss_mb", big.peakRssKb() / 1024, "VmHWM of the cutover JVM");
        f.count("memory.baseline_rss_mb", small.peakRssKb() / 1024, "the same run printing 1 kB");
        f.ratio(
                "memory.rss_over_baseline",
                (double) big.peakRssKb() / small.peakRssKb(),
                "JUDGED: about 1 (memory does not grow with output)");
        f.millis("memory.run_ms", big.millis(), "wall time of the run printing output_bytes");
    }

    private static JarRunner.Run execute(BenchContext ctx, Path base, String name, long bytes) throws Exception {
        Path dir = new SyntheticPlan(1, "head -c " + bytes + " /dev/zero", "true", List.of("head", "true"))
                .write(base.resolve(name), Clock.systemUTC());
        Path answers = Answers.approveAll(base);
        JarRunner.Run run = ctx.runner()
                .run(List.of(), true, "execute", "--run-dir", dir.toString(), "--answers", answers.toString())
                .expectExit(0, "execute " + name);
        if (run.peakRssKb() == 0) {
            throw new IllegalStateException("no VmHWM readable from /proc for the cutover process");
        }
        return run;
    }
}
