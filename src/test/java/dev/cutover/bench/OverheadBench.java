package dev.cutover.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2 (issue 7): a plan of 1,000 steps whose commands are {@code true 0}, executed with the fsynced
 * journal, against a bash loop doing the same number of bash fork/execs (same flags and redirections) and of
 * fsynced line appends (same average width) to a file in the same folder. Bash cannot fsync by itself, so each
 * baseline append is one {@code dd conv=fsync} process; the loop also times the same appends through {@code dd}
 * without fsync and through {@code printf >>}, so the exec that Cutover does not pay can be taken out: the
 * "ideal" baseline is forks + (dd with fsync - dd without) + printf appends.
 *
 * <p>{@code true 0} rather than the bare {@code true}: Cutover records the placeholder {@code true} without
 * starting bash ({@code NoOpCommand}), and this figure prices running a command. {@code true 0} is the same builtin,
 * so both sides run exactly the same {@code bash -c}.
 */
final class OverheadBench implements Benchmark {
    /** Every item's command and verify, and what the loop runs. */
    static final String COMMAND = "true 0";

    @Override
    public String name() {
        return "overhead";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Figures f = ctx.figures();
        int items = ctx.quick() ? 100 : 1000;
        Path base = ctx.workDir("overhead");
        Path dir = new SyntheticPlan(items, COMMAND, COMMAND, List.of("true"))
                .write(base.resolve("run"), Clock.systemUTC());
        Path answers = Answers.approveAll(base);
        JarRunner.Run run = ctx.runner()
                .run(List.of(), false, "execute", "--run-dir", dir.toString(), "--answers", answers.toString())
                .expectExit(0, "execute");
        RunJournal journal = RunJournal.of(dir);
        if (!journal.completed()) {
            throw new IllegalStateException("the run in " + dir + " did not complete every step");
        }
        Baseline b = baseline(base, journal.commands(), journal.lines(), journal.averageLineBytes());
        long steps = journal.steps();
        f.count("overhead.steps", steps, items + " items of `" + COMMAND + "` + the handoff");
        f.count(
                "overhead.commands",
                journal.commands(),
                "bash runs the journal records (execute, verify; not the handoff's `true`)");
        f.count("overhead.journal_lines", journal.lines(), "each appended and fsynced on its own");
        f.millis("overhead.cutover_ms", run.millis(), "wall time of `execute`, process start to exit");
        f.millis("overhead.cutover_walk_ms", journal.walkMillis(), "journal: lock-acquired to lock-released");
        f.millis(
                "overhead.before_walk_ms",
                journal.beforeWalkMillis(run),
                "process start to lock-acquired: JVM, " + "compile, pre-flight");
        f.millis("overhead.after_walk_ms", journal.afterWalkMillis(run), "lock-released to exit: summary, reports");
        f.millis("overhead.baseline_ms", b.total(), "bash loop: the forks + one `dd conv=fsync` per line");
        f.millis("overhead.baseline_forks_ms", b.forks(), "of which the bash fork/execs");
        f.millis("overhead.ideal_baseline_ms", b.ideal(), "forks + fsync cost alone + printf appends (no dd exec)");
        f.ratio("overhead.ratio", (double) run.millis() / b.total(), "JUDGED: cutover_ms / baseline_ms");
        f.ratio("overhead.walk_ratio", (double) journal.walkMillis() / b.total(), "cutover_walk_ms / baseline_ms");
        f.ratio(
                "overhead.walk_over_ideal",
                (double) journal.walkMillis() / b.ideal(),
                "cutover_walk_ms / ideal_baseline_ms (strictest)");
        f.ratio("overhead.per_step_ms", (double) journal.walkMillis() / steps, "cutover_walk_ms / steps");
    }

    /** The baseline loop's parts, in ms. */
    record Baseline(long forks, long ddFsync, long dd, long printf) {
        long total() {
            return forks + ddFsync;
        }

        long ideal() {
            return forks + Math.max(0, ddFsync - dd) + printf;
        }
    }

    /** Runs the baseline loop in {@code base} and returns its timings. */
    static Baseline baseline(Path base, long commands, long appends, int width) throws Exception {
        Path script = Files.writeString(base.resolve("baseline.sh"), SCRIPT, StandardCharsets.UTF_8);
        Path journal = base.resolve("baseline-journal.jsonl");
        ProcessBuilder pb = new ProcessBuilder(
                        "bash",
                        script.toString(),
                        journal.toString(),
                        Long.toString(commands),
                        Long.toString(appends),
                        Integer.toString(width))
                .redirectErrorStream(true);
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the baseline loop failed: " + output);
        }
        long lines = countLines(journal);
        if (lines != appends) {
            throw new IllegalStateException("the baseline appended " + lines + " lines, not " + appends);
        }
        Map<String, Long> t = new HashMap<>();
        for (String pair : output.strip().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            t.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Baseline(t.get("forks_ms"), t.get("dd_fsync_ms"), t.get("dd_ms"), t.get("printf_ms"));
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static final String SCRIPT = """
            #!/usr/bin/env bash
            # The per-step overhead baseline (bench/, docs/performance.md): as many bash fork/execs as the run's
            # commands, with the same flags and redirections, and as many fsynced line appends as its journal
            # lines; then the same appends through dd without fsync and through printf, to price the dd exec.
            set -euo pipefail
            journal=$1 commands=$2 appends=$3 width=$4
            line=$(printf '%*s' "$width" '' | tr ' ' x)
            now() {
              if [[ -n ${EPOCHREALTIME:-} ]]; then local t=${EPOCHREALTIME//[.,]/}; echo $((10#$t / 1000))
              else echo $(($(date +%s%N) / 1000000)); fi
            }
            t0=$(now)
            for ((i = 0; i < commands; i++)); do
              bash --noprofile --norc -o pipefail -o noglob -c 'true 0' </dev/null >>"$journal.stdout" 2>>"$journal.stderr"
            done
            t1=$(now)
            : > "$journal"
            for ((i = 0; i < appends; i++)); do
              printf '%s\\n' "$line" | dd of="$journal" oflag=append conv=notrunc,fsync status=none
            done
            t2=$(now)
            : > "$journal.nosync"
            for ((i = 0; i < appends; i++)); do
              printf '%s\\n' "$line" | dd of="$journal.nosync" oflag=append conv=notrunc status=none
            done
            t3=$(now)
            : > "$journal.printf"
            for ((i = 0; i < appends; i++)); do
              printf '%s\\n' "$line" >> "$journal.printf"
            done
            t4=$(now)
            echo "forks_ms=$((t1 - t0)) dd_fsync_ms=$((t2 - t1)) dd_ms=$((t3 - t2)) printf_ms=$((t4 - t3))"
            """;
}
