package dev.cutover.bench;

import dev.cutover.app.CompileService;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.input.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark 6 (issue 7): {@code cutover status} on a finished run of about 10,000 journal entries (a compiled
 * synthetic plan and a journal of every step approved and succeeded), median of five, run by {@code ./cutover}
 * (C1 only, serial GC, its class-data sharing archive); against {@code cutover --version} (the JVM and picocli
 * alone), and both again as {@code java -jar} with the JVM's defaults, the way the launcher ran them before it
 * had options.
 */
final class StartupBench implements Benchmark {
    private static final int EVENTS_PER_STEP = 6;

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Figures f = ctx.figures();
        int entries = ctx.quick() ? 1_000 : 10_000;
        int rounds = ctx.quick() ? 2 : 5;
        Path dir = finishedRun(ctx, entries);
        long journalEntries = RunJournal.of(dir).entries().size();
        List<String> status = List.of("status", "--run-dir", dir.toString());
        long[] medians = interleavedMedians(
                ctx,
                rounds,
                List.of(
                        new Variant(true, List.of("--version")),
                        new Variant(true, status),
                        new Variant(false, List.of("--version")),
                        new Variant(false, status)));
        long version = medians[0];
        long launched = medians[1];
        long plainVersion = medians[2];
        long plain = medians[3];
        String of = ", median of " + rounds;
        f.count("startup.journal_entries", journalEntries, "entries of the finished run's journal");
        f.millis("startup.version_ms", version, "`./cutover --version`: JVM + picocli" + of);
        f.millis("startup.status_ms", launched, "JUDGED: `./cutover status` wall time" + of);
        f.ratio("startup.status_over_version", (double) launched / version, "how much status adds to bare start-up");
        f.millis("startup.version_plain_ms", plainVersion, "`java -jar cutover.jar --version`, JVM defaults" + of);
        f.millis("startup.status_plain_ms", plain, "`java -jar cutover.jar status`, JVM defaults" + of);
        f.ratio("startup.launcher_speedup", (double) plain / launched, "status_plain_ms / status_ms");
    }

    /** A compiled plan and a finished journal of about {@code entries} entries, in the work folder. */
    private static Path finishedRun(BenchContext ctx, int entries) throws Exception {
        int steps = (entries - 3) / EVENTS_PER_STEP;
        Path dir = new SyntheticPlan(steps - 1, "true", "true", List.of("true"))
                .write(ctx.workDir("startup").resolve("run"), Clock.systemUTC());
        List<ExecutionStep> compiled = new CompileService()
                .compileAndWrite(new RunDirectory(dir), Optional.empty())
                .compiled()
                .plan()
                .steps();
        List<SyntheticJournal.Step> journaled = new ArrayList<>();
        compiled.forEach(s -> journaled.add(new SyntheticJournal.Step(s.stepId(), s.phaseNumber(), false)));
        // Built on the scratch folder (a disk would spend minutes on the fsyncs), then copied in.
        Path built = ctx.scratchDir("startup").resolve(RunDirectory.JOURNAL);
        SyntheticJournal.write(built, journaled, 0, 0);
        Files.copy(built, new RunDirectory(dir).journalFile());
        ctx.runner()
                .run(List.of(), false, "report", "--run-dir", dir.toString())
                .expectExit(0, "report");
        return dir;
    }

    /** Through the launcher or plain {@code java -jar}, and the cutover arguments. */
    private record Variant(boolean launcher, List<String> args) {}

    /** Each variant's median wall time; rounds run every variant once, in turn, so background load hits all alike. */
    private static long[] interleavedMedians(BenchContext ctx, int rounds, List<Variant> variants) throws Exception {
        long[][] millis = new long[variants.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                String[] args = variant.args().toArray(String[]::new);
                JarRunner.Run run = variant.launcher()
                        ? ctx.runner().run(List.of(), false, args)
                        : ctx.runner().runPlain(List.of(), args);
                millis[v][r] =
                        run.expectExit(0, String.join(" ", variant.args())).millis();
            }
        }
        long[] medians = new long[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            Arrays.sort(millis[v]);
            medians[v] = millis[v][rounds / 2];
        }
        return medians;
    }
}
