package dev.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0005 decision 7: {@code kill -9} at seeded random moments across the whole step lifecycle, then
 * {@code execute --resume} until the run completes, on the {@link FaultPlan} (non-idempotent executes that
 * append to a ledger, polled background jobs, the demo's freeze, irreversible switch, handoff and human steps).
 *
 * <p>Properties checked after every round: the journal verifies and validates, the run completed, the service
 * reached the expected end state, and every non-idempotent execute (and every job start) ran once, or once
 * more for each time resume re-verified it, found it had not taken effect ({@code resume-reprompted}) and the
 * operator chose {@code resume retry}.
 *
 * <p>The harness acts like a scripted operator: it adds {@code --resume} whenever {@code execution-log.jsonl}
 * exists, runs {@code cutover repair} when a start exits 6 naming it, waits for the killed run's command when a
 * start exits 4 naming it (COMMAND_STILL_RUNNING), and fails on any other exit. Kills land
 * anywhere, including the first milliseconds of a fresh run, between {@code RUNNING.lock} being written and
 * the journal's first line.
 *
 * <p>{@code -Dcutover.fault.seed=N} replays the kill plan of a failed run (the moments are drawn from the
 * seed; where the process is at each moment still depends on timing). {@code -Dcutover.fault.kills=K} sets
 * the number of kills (default 50).
 */
class ResumeFaultInjectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_LEVEL = "cp-phase0-000-run";
    private static final String NO_JOURNAL = "(no journal line yet)";
    private static final String METADATA_ONLY = "(metadata line only)";

    /** Kills per step, so that resume retries never exhaust a step's three retries. */
    private static final int KILLS_PER_STEP = 2;
    /** Kills while the journal's last line is run-level (or there is no entry yet), per round. */
    private static final int KILLS_RUN_LEVEL = 6;
    /** Kill mode (a): how far ahead of the journal's current length the kill line is drawn, at most. */
    private static final int LINES_AHEAD = 12;
    /** Kill mode (a): extra delay after the line appeared, at most (ms). */
    private static final int JITTER_MS = 40;
    /** Kill mode (b): delay after the start, at most (ms). */
    private static final int DELAY_MS = 3000;
    /** Starts of one round before the harness gives up (a resume that makes no progress). */
    private static final int MAX_STARTS_PER_ROUND = 150;

    private static final Set<String> NOT_EVENTS = Set.of(NO_JOURNAL, METADATA_ONLY);

    @TempDir
    Path tmp;

    @Test
    void survivesSeededKillNineAcrossTheLifecycleAndResumesToTheExpectedEndState() throws Exception {
        long seed = Long.getLong("cutover.fault.seed", new SecureRandom().nextLong());
        int wantedKills = Integer.getInteger("cutover.fault.kills", 50);
        System.out.println("fault-injection seed=" + seed);
        Random rnd = new Random(seed);
        Map<String, Integer> lastEventAtKill = new TreeMap<>();
        int kills = 0;
        int rounds = 0;
        while (kills < wantedKills) {
            rounds++;
            Round round = new Round(tmp.resolve("round-" + rounds), seed, rounds, rnd);
            try {
                kills += round.runToCompletion(wantedKills - kills, lastEventAtKill);
                round.assertCompleted();
            } finally {
                FaultPlan.awaitJobsSettled(round.dir);
            }
            System.out.printf(
                    "fault-injection round %d completed after %d kills (seed %d)%n", rounds, round.kills, seed);
        }
        System.out.printf(
                "fault-injection: survived %d kills over %d rounds (seed %d); last event at kill: %s%n",
                kills, rounds, seed, lastEventAtKill);
        assertThat(lastEventAtKill.keySet().stream().filter(e -> !NOT_EVENTS.contains(e)))
                .as("journal events the kills landed on (seed %d): %s", seed, lastEventAtKill)
                .hasSizeGreaterThanOrEqualTo(5);
    }

    /**
     * Deterministic: kill -9 while the slow job's step polls (its first poll-tick said RUNNING), then resume.
     * Resume re-attaches to the journaled job id: no second job, no new approval, and a {@code resume-reverified}
     * entry for the step.
     */
    @Test
    void killNineWhilePollingThenResumeReattachesToTheSameJobWithoutAskingAgain() throws Exception {
        String step = FaultPlan.SLOW_JOB;
        Path dir = FaultPlan.write(tmp.resolve("run"));
        Path answers = DemoFixture.answers(tmp, FaultPlan.RESUMABLE_ANSWERS);
        Path journal = dir.resolve("execution-log.jsonl");
        try {
            try (CutoverProcess.Running run = CutoverProcess.start(
                    tmp, List.of(), "execute", "--run-dir", dir.toString(), "--answers", answers.toString())) {
                CutoverProcess.awaitFile(
                        run,
                        journal,
                        text -> text.lines()
                                .anyMatch(l -> l.contains("\"step_id\":\"" + step + "\"")
                                        && l.contains("\"event\":\"poll-tick\"")
                                        && l.contains("\"poll_state\":\"RUNNING\"")),
                        "the first poll-tick of " + step);
                run.killNine();
            }
            List<JsonNode> before = FaultPlan.entries(dir);
            // With parallel jobs the walk goes on asking later steps while the job runs, so the kill lands
            // somewhere after the job's first RUNNING poll and before its end.
            assertThat(before.stream()
                            .filter(e -> e.path("step_id").asText().equals(step))
                            .map(e -> e.path("event").asText()))
                    .as("killed while %s was in flight", step)
                    .contains("executed", "poll-tick")
                    .doesNotContain("poll-terminal", "step-succeeded");
            String jobId = FaultPlan.capturedJobIds(dir).get(step);
            assertThat(jobId).as("job id journaled before the kill").isNotNull();
            assertThat(FaultPlan.starts(dir, step)).containsExactly(jobId);
            assertThat(dir.resolve("RUNNING.lock"))
                    .as("kill -9 leaves the lock file")
                    .exists();

            CutoverProcess.Result resumed = CutoverProcess.run(
                    tmp, "execute", "--run-dir", dir.toString(), "--answers", answers.toString(), "--resume");

            assertThat(resumed.exit()).as(resumed.both()).isZero();
            CutoverProcess.assertJournalValid(dir);
            assertThat(verdict(dir)).isEqualTo("completed");
            FaultPlan.assertFinalState(dir);
            assertThat(FaultPlan.starts(dir, step))
                    .as("jobs started by " + step)
                    .containsExactly(jobId);
            List<JsonNode> all = FaultPlan.entries(dir);
            List<JsonNode> after = all.subList(before.size(), all.size());
            assertThat(after.stream().map(e -> e.path("event").asText()))
                    .as("resume takes over the dead run's lock")
                    .contains("lock-taken-over-from-stale");
            List<JsonNode> stepAfter = after.stream()
                    .filter(e -> e.path("step_id").asText().equals(step))
                    .toList();
            assertThat(stepAfter.stream().map(e -> e.path("event").asText()))
                    .as("%s after the kill", step)
                    .contains("resume-reverified")
                    .doesNotContain("approval-requested", "approved", "executed");
            assertThat(stepAfter.stream().map(e -> e.path("event").asText()))
                    .as("%s after the kill ends as done", step)
                    .containsAnyOf("step-succeeded", "resume-marked-done");
            for (JsonNode e : stepAfter) {
                if (e.path("cmd").isTextual()) {
                    assertThat(e.path("cmd").asText())
                            .as("every command resume ran for %s names the same job", step)
                            .contains(jobId);
                }
            }
            for (String other : FaultPlan.NON_IDEMPOTENT) {
                assertThat(FaultPlan.ledgerLines(dir, other))
                        .as("ledger of " + other)
                        .isEqualTo(1);
            }
            for (String other : FaultPlan.LONG_RUNNING) {
                assertThat(FaultPlan.starts(dir, other)).as("jobs of " + other).hasSize(1);
            }
        } finally {
            FaultPlan.awaitJobsSettled(dir);
        }
    }

    private static String verdict(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("execution-summary.json").toFile())
                .path("verdict")
                .asText();
    }

    /** One fresh FaultPlan run directory, started, killed and resumed until a start exits 0. */
    private final class Round {
        final Path dir;
        final long seed;
        final int number;
        final Random rnd;
        final Path journal;
        final Path answers;
        final Map<String, Integer> killsPerBucket = new HashMap<>();
        final StringBuilder history = new StringBuilder();
        int kills;

        Round(Path dir, long seed, int number, Random rnd) throws IOException {
            this.dir = FaultPlan.write(dir);
            this.seed = seed;
            this.number = number;
            this.rnd = rnd;
            this.journal = dir.resolve("execution-log.jsonl");
            this.answers = DemoFixture.answers(tmp, FaultPlan.RESUMABLE_ANSWERS);
        }

        /** Runs the round to a completed run, killing at most {@code budget} times; returns the kills. */
        int runToCompletion(int budget, Map<String, Integer> lastEventAtKill) throws Exception {
            for (int start = 1; start <= MAX_STARTS_PER_ROUND; start++) {
                // Every draw happens up front, so the seed alone fixes the kill plan of each start.
                boolean byLine = rnd.nextBoolean();
                int ahead = 1 + rnd.nextInt(LINES_AHEAD);
                int jitterMs = rnd.nextInt(JITTER_MS + 1);
                int delayMs = rnd.nextInt(DELAY_MS + 1);
                boolean resume = Files.exists(journal);
                List<String> args = new ArrayList<>(
                        List.of("execute", "--run-dir", dir.toString(), "--answers", answers.toString()));
                if (resume) {
                    args.add("--resume");
                }
                history.append("start ")
                        .append(start)
                        .append(resume ? " --resume" : "")
                        .append(": ");
                try (CutoverProcess.Running run =
                        CutoverProcess.start(tmp.resolve("out-" + number), List.of(), args.toArray(String[]::new))) {
                    boolean killed = kills < budget
                            && killAtRandomMoment(run, byLine, ahead, jitterMs, delayMs, lastEventAtKill);
                    if (killed) {
                        continue;
                    }
                    CutoverProcess.Result r = run.awaitExit();
                    history.append("exit ").append(r.exit()).append('\n');
                    if (r.exit() == 0) {
                        return kills;
                    }
                    if (r.exit() == 6 && r.both().contains("repair")) {
                        CutoverProcess.Result repair = CutoverProcess.run(tmp, "repair", "--run-dir", dir.toString());
                        history.append("repair: exit ").append(repair.exit()).append('\n');
                        assertThat(repair.exit())
                                .as(failure("cutover repair", repair.both()))
                                .isZero();
                        continue;
                    }
                    if (r.exit() == 4 && waitForLeftoverCommands(r.both())) {
                        continue;
                    }
                    throw new AssertionError(failure("exit " + r.exit(), r.both()));
                }
            }
            throw new AssertionError(failure("no completed run after " + MAX_STARTS_PER_ROUND + " starts", ""));
        }

        /**
         * A kill can leave the step's command running (kill -9 stops Cutover, not its bash), and resume refuses
         * until it ends (COMMAND_STILL_RUNNING): waits for every pid the refusal names, as an operator would.
         * Returns false when the refusal names none (another exit 4 is a failure).
         */
        private boolean waitForLeftoverCommands(String output) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("is still running \\(pid (\\d+)")
                    .matcher(output);
            boolean any = false;
            while (m.find()) {
                any = true;
                long pid = Long.parseLong(m.group(1));
                history.append("waited for the killed run's command, pid ")
                        .append(pid)
                        .append('\n');
                ProcessHandle.of(pid)
                        .ifPresent(p -> p.onExit()
                                .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                                .join());
            }
            return any;
        }

        /**
         * Waits for the drawn moment, then for a journal line whose step has not used up its kills, and kills.
         * Returns false when the process exited first (it is then not killed).
         */
        private boolean killAtRandomMoment(
                CutoverProcess.Running run,
                boolean byLine,
                int ahead,
                int jitterMs,
                int delayMs,
                Map<String, Integer> lastEventAtKill)
                throws Exception {
            long startedAt = System.nanoTime();
            long deadline = startedAt + TimeUnit.SECONDS.toNanos(CutoverProcess.PATIENCE_SECONDS);
            JournalTail tail = new JournalTail(journal);
            if (byLine) {
                int target = tail.lines() + ahead;
                while (tail.lines() < target) {
                    if (!waitALittle(run, deadline)) {
                        return false;
                    }
                }
                if (!sleepWhileAlive(run, TimeUnit.MILLISECONDS.toNanos(jitterMs))) {
                    return false;
                }
            } else if (!sleepWhileAlive(run, startedAt + TimeUnit.MILLISECONDS.toNanos(delayMs) - System.nanoTime())) {
                return false;
            }
            // The cap: wait for a later line whose step (or the run level) still has kills left.
            while (killsPerBucket.getOrDefault(tail.bucket(), 0) >= cap(tail.bucket())) {
                int seen = tail.lines();
                while (tail.lines() == seen) {
                    if (!waitALittle(run, deadline)) {
                        return false;
                    }
                }
            }
            run.killNine();
            JournalTail after = new JournalTail(journal);
            killsPerBucket.merge(after.bucket(), 1, Integer::sum);
            lastEventAtKill.merge(after.lastEvent(), 1, Integer::sum);
            kills++;
            history.append(byLine ? "line +" + ahead + " +" + jitterMs + "ms" : delayMs + "ms")
                    .append(", killed at line ")
                    .append(after.lines())
                    .append(" (")
                    .append(after.bucket())
                    .append(' ')
                    .append(after.lastEvent())
                    .append(")\n");
            return true;
        }

        private int cap(String bucket) {
            return bucket.equals(RUN_LEVEL) ? KILLS_RUN_LEVEL : KILLS_PER_STEP;
        }

        /** Sleeps 1 ms; false once the process has exited; fails the test past the deadline. */
        private boolean waitALittle(CutoverProcess.Running run, long deadline) throws Exception {
            if (!run.process().isAlive()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure("timed out waiting for a kill moment", run.output()));
            }
            Thread.sleep(1);
            return true;
        }

        private boolean sleepWhileAlive(CutoverProcess.Running run, long nanos) throws Exception {
            long until = System.nanoTime() + Math.max(0, nanos);
            while (System.nanoTime() < until) {
                if (!run.process().isAlive()) {
                    return false;
                }
                Thread.sleep(Math.min(5, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            }
            return run.process().isAlive();
        }

        void assertCompleted() throws Exception {
            String context = failure("completed round", "");
            CutoverProcess.assertJournalValid(dir);
            assertThat(verdict(dir)).as(context).isEqualTo("completed");
            assertThat(dir.resolve("RUNNING.lock")).as(context).doesNotExist();
            FaultPlan.assertFinalState(dir);
            List<JsonNode> entries = FaultPlan.entries(dir);
            for (String step : FaultPlan.NON_IDEMPOTENT) {
                int runs = FaultPlan.ledgerLines(dir, step);
                int retried = retriesAfterFailedReverify(entries, step);
                assertThat(runs)
                        .as(
                                "%s: ledger lines (times its execute ran) vs 1 + %d retries after a failed re-verify; %s",
                                step, retried, context)
                        .isBetween(1, 1 + retried);
            }
            for (String step : FaultPlan.LONG_RUNNING) {
                int starts = FaultPlan.starts(dir, step).size();
                int retried = retriesAfterFailedReverify(entries, step);
                assertThat(starts)
                        .as("%s: jobs started vs 1 + %d retries after a failed re-verify; %s", step, retried, context)
                        .isBetween(1, 1 + retried);
            }
        }

        private String failure(String what, String output) {
            return "fault-injection round " + number + " (seed " + seed + ", -Dcutover.fault.seed=" + seed + "): "
                    + what + "\nrun directory: " + dir + "\nstarts so far:\n" + history + "\noutput:\n" + output;
        }
    }

    /**
     * How often {@code step} was re-executed with evidence: a {@code resume-reprompted} entry whose next entry
     * for the step is {@code approved} with notes containing {@code resume retry}.
     */
    static int retriesAfterFailedReverify(List<JsonNode> entries, String step) {
        List<JsonNode> mine = entries.stream()
                .filter(e -> e.path("step_id").asText().equals(step))
                .toList();
        int retried = 0;
        for (int i = 0; i + 1 < mine.size(); i++) {
            JsonNode next = mine.get(i + 1);
            if (mine.get(i).path("event").asText().equals("resume-reprompted")
                    && next.path("event").asText().equals("approved")
                    && next.path("notes").asText("").contains("resume retry")) {
                retried++;
            }
        }
        return retried;
    }

    /** The journal as it grows: complete lines only (a torn tail is not a line), read incrementally. */
    private static final class JournalTail {
        private final Path file;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private long offset;
        private int lines;
        private String last;

        JournalTail(Path file) throws IOException {
            this.file = file;
            refresh();
        }

        int lines() throws IOException {
            refresh();
            return lines;
        }

        private void refresh() throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size <= offset) {
                    return;
                }
                ByteBuffer buf = ByteBuffer.allocate((int) (size - offset));
                while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                    // read all appended bytes
                }
                offset += buf.position();
                byte[] bytes = buf.array();
                for (int i = 0; i < buf.position(); i++) {
                    if (bytes[i] == '\n') {
                        lines++;
                        last = partial.toString(StandardCharsets.UTF_8);
                        partial.reset();
                    } else {
                        partial.write(bytes[i]);
                    }
                }
            }
        }

        /** The step the last line belongs to; run-level lines, the metadata line and no journal are one bucket. */
        String bucket() throws IOException {
            refresh();
            if (lines < 2) {
                return RUN_LEVEL;
            }
            return JSON.readTree(last).path("step_id").asText();
        }

        String lastEvent() throws IOException {
            refresh();
            if (lines == 0) {
                return NO_JOURNAL;
            }
            if (lines == 1) {
                return METADATA_ONLY;
            }
            return JSON.readTree(last).path("event").asText();
        }
    }
}
