package dev.cutover.bench;

import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.RunState;
import dev.cutover.journal.RunStateReplayer;
import dev.cutover.journal.VerificationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 3 (issue 7): build the run state from journals of 100,000 and 1,000,000 entries — read every line,
 * check its format, entry id, time order and hash chain and fold each entry as soon as it is checked
 * ({@link JournalReader#replay} into {@link RunStateReplayer}, keeping no entry), as check 2 does — in this JVM,
 * after five warm-up replays of the smaller journal, best of six (smaller) and of three (larger). For comparison:
 * reading every entry into a list first and folding the list (what status and report still do, as they render
 * from the entries), and the same check alone ({@link JournalVerifier}, {@code cutover verify-journal}).
 */
final class ReplayBench implements Benchmark {
    private static final int POLL_TICKS = 3; // 10 entries per long-running step

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Figures f = ctx.figures();
        int small = ctx.quick() ? 10_000 : 100_000;
        int large = small * 10;
        Path dir = ctx.scratchDir("replay");
        long started = System.nanoTime();
        Path smallJournal = journal(dir, small);
        Path largeJournal = journal(dir, large);
        f.comment(String.format(
                Locale.ROOT,
                "replay: journals written in %.1f s (not measured); max heap %d MB",
                (System.nanoTime() - started) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20));
        int rounds = ctx.quick() ? 1 : 3;
        replayMillis(smallJournal, small, ctx.quick() ? 1 : 5); // warm-up: class loading and JIT
        double smallMs = replayMillis(smallJournal, small, rounds * 2);
        double largeMs = replayMillis(largeJournal, large, rounds);
        print(f, small, smallMs, "read + check chain + fold as read (keeps no entry), best of " + rounds * 2);
        print(f, large, largeMs, "read + check chain + fold as read (keeps no entry), best of " + rounds);
        f.ratio("replay.size_ratio", largeMs / smallMs, "JUDGED: about 10 (linear in entries)");
        double smallList = listMillis(smallJournal, small, rounds * 2);
        double largeList = listMillis(largeJournal, large, rounds);
        f.ratio("replay." + small + ".list_ms", smallList, "read all entries into a list, then fold (status, report)");
        f.ratio("replay." + large + ".list_ms", largeList, "read all entries into a list, then fold (status, report)");
        f.ratio("replay.list_size_ratio", largeList / smallList, "the same ratio when every entry is kept first");
        double smallScan = scanMillis(smallJournal, small, rounds * 2);
        double largeScan = scanMillis(largeJournal, large, rounds);
        f.ratio("replay." + small + ".scan_ms", smallScan, "streaming check only (verify-journal), keeps no entry");
        f.ratio("replay." + large + ".scan_ms", largeScan, "streaming check only (verify-journal), keeps no entry");
        f.ratio("replay.scan_size_ratio", largeScan / smallScan, "about 10 when parsing and hashing are linear");
    }

    private static void print(Figures f, int entries, double ms, String note) {
        f.ratio("replay." + entries + ".ms", ms, note);
        f.count("replay." + entries + ".entries_per_s", Math.round(entries / ms * 1000), "entries / second");
    }

    /** A finished run's journal of exactly {@code entries} entries: long-running steps of 10 entries each. */
    static Path journal(Path dir, int entries) {
        SyntheticJournal.Step proto = new SyntheticJournal.Step("dp-phase2-100-job-000000", 2, true);
        int perStep = SyntheticJournal.eventsOf(proto, POLL_TICKS);
        int steps = (entries - 3) / perStep;
        List<SyntheticJournal.Step> list = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            list.add(new SyntheticJournal.Step(String.format(Locale.ROOT, "dp-phase2-100-job-%06d", i), 2, true));
        }
        Path journal = dir.resolve("journal-" + entries + ".jsonl");
        SyntheticJournal.write(journal, list, POLL_TICKS, (entries - 3) % perStep);
        return journal;
    }

    /** The fastest of {@code rounds} full replays, in ms. */
    private static double replayMillis(Path journal, int entries, int rounds) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            System.gc(); // the previous round's entries are garbage; do not bill this round for them
            long t = System.nanoTime();
            RunState state = new JournalReader().replay(journal).state();
            double ms = (System.nanoTime() - t) / 1e6;
            if (state.facts().entryCount() != entries || !state.facts().endedWithLockReleased()) {
                throw new IllegalStateException(
                        journal + " replayed to " + state.facts().entryCount() + " entries");
            }
            best = Math.min(best, ms);
        }
        return best;
    }

    /** The fastest of {@code rounds} replays that read every entry into a list first, in ms. */
    private static double listMillis(Path journal, int entries, int rounds) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            System.gc(); // the previous round's entries are garbage; do not bill this round for them
            long t = System.nanoTime();
            JournalContents contents = new JournalReader().read(journal);
            RunState state = new RunStateReplayer().replay(contents.entries());
            double ms = (System.nanoTime() - t) / 1e6;
            if (contents.entries().size() != entries || !state.facts().endedWithLockReleased()) {
                throw new IllegalStateException(
                        journal + " replayed to " + contents.entries().size() + " entries");
            }
            best = Math.min(best, ms);
        }
        return best;
    }

    /** The fastest of {@code rounds} streaming verifications, in ms. */
    private static double scanMillis(Path journal, int entries, int rounds) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            System.gc();
            long t = System.nanoTime();
            VerificationResult result = new JournalVerifier().verify(journal);
            double ms = (System.nanoTime() - t) / 1e6;
            if (!result.ok() || result.entryCount() != entries) {
                throw new IllegalStateException(journal + " failed verification: " + result.describe());
            }
            best = Math.min(best, ms);
        }
        return best;
    }
}
