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
 * synthetic plan and a journal of every step approved and succeeded), median of five; against
 * {@code cutover --version} (the JVM and picocli alone), and again with the start-up options the lead may
 * consider for {@code ./cutover}: an application class-data sharing archive (made by one run with
 * {@code -XX:ArchiveClassesAtExit}), the C1 compiler only, and both.
 */
final class StartupBench implements Benchmark {
    private static final int EVENTS_PER_STEP = 6;
    private static final String C1 = "-XX:TieredStopAtLevel=1";

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
        Path archive = ctx.work().resolve("startup").resolve("status.jsa");
        ctx.runner()
                .run(List.of("-XX:ArchiveClassesAtExit=" + archive), false, "status", "--run-dir", dir.toString())
                .expectExit(0, "status (archiving classes)");
        List<String> status = List.of("status", "--run-dir", dir.toString());
        String cdsOption = "-XX:SharedArchiveFile=" + archive;
        long[] medians = interleavedMedians(
                ctx,
                rounds,
                List.of(
                        new Variant(List.of(), List.of("--version")),
                        new Variant(List.of(), status),
                        new Variant(List.of(cdsOption), status),
                        new Variant(List.of(C1), status),
                        new Variant(List.of(cdsOption, C1), status)));
        long version = medians[0];
        long plain = medians[1];
        long cds = medians[2];
        long c1 = medians[3];
        long both = medians[4];
        String of = ", median of " + rounds;
        f.count("startup.journal_entries", journalEntries, "entries of the finished run's journal");
        f.millis("startup.version_ms", version, "`cutover --version`: JVM + picocli" + of);
        f.millis("startup.status_ms", plain, "JUDGED: `cutover status` wall time (java -jar, as ./cutover)" + of);
        f.ratio("startup.status_over_version", (double) plain / version, "how much status adds to bare start-up");
        f.millis("startup.status_cds_ms", cds, "with an AppCDS archive (-XX:SharedArchiveFile)" + of);
        f.millis("startup.status_c1_ms", c1, "with " + C1 + " (no C2 compiler threads)" + of);
        f.millis("startup.status_cds_c1_ms", both, "with both" + of);
        f.ratio("startup.cds_c1_speedup", (double) plain / both, "status_ms / status_cds_c1_ms");
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

    /** JVM options and cutover arguments of one way to run. */
    private record Variant(List<String> jvm, List<String> args) {}

    /** Each variant's median wall time; rounds run every variant once, in turn, so background load hits all alike. */
    private static long[] interleavedMedians(BenchContext ctx, int rounds, List<Variant> variants) throws Exception {
        long[][] millis = new long[variants.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                millis[v][r] = ctx.runner()
                        .run(variant.jvm(), false, variant.args().toArray(String[]::new))
                        .expectExit(0, String.join(" ", variant.args()))
                        .millis();
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
