package dev.cutover.bench;

import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalReader;
import dev.cutover.shell.NoOpCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a finished benchmark run's journal says: its walk time, entry and command counts, its line width. */
record RunJournal(List<JournalEntry> entries, long fileBytes) {
    /** Events that record one command (preview, execute attempt, poll, verify, rollback). */
    private static final Set<JournalEvent> COMMANDS = EnumSet.of(
            JournalEvent.PREVIEW_SHOWN,
            JournalEvent.EXECUTED,
            JournalEvent.POLL_TICK,
            JournalEvent.POLL_TERMINAL,
            JournalEvent.VERIFY_PASSED,
            JournalEvent.VERIFY_FAILED,
            JournalEvent.ROLLBACK_EXECUTED);

    static RunJournal of(Path runDir) {
        Path file = new RunDirectory(runDir).journalFile();
        JournalContents contents = new JournalReader().read(file);
        try {
            return new RunJournal(contents.entries(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the first entry (the lock) to the last (its release): the walk, go/no-go included. */
    long walkMillis() {
        return Duration.between(
                        entries.get(0).at(), entries.get(entries.size() - 1).at())
                .toMillis();
    }

    /**
     * For each long-running step, how long after its job ended (its {@code executed} plus its simulated
     * duration) the poll that saw the terminal state was journaled: the price of polling at intervals.
     */
    Map<String, Long> pollDelays(Map<String, Long> durations) {
        Map<String, Instant> started = new LinkedHashMap<>();
        Map<String, Long> delays = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.EXECUTED) {
                started.putIfAbsent(e.stepId(), e.at());
            } else if (e.event() == JournalEvent.POLL_TERMINAL && started.containsKey(e.stepId())) {
                Instant ended = started.get(e.stepId()).plusMillis(durations.getOrDefault(e.stepId(), 0L));
                delays.put(e.stepId(), Duration.between(ended, e.at()).toMillis());
            }
        }
        return delays;
    }

    /** The step whose terminal poll came last: the job the walk waited for longest. */
    String lastJobToEnd() {
        String last = null;
        for (JournalEntry e : entries) {
            if (e.event() == JournalEvent.POLL_TERMINAL) {
                last = e.stepId();
            }
        }
        return last;
    }

    /** From the process's start to the journal's first entry: JVM start-up, compile, pre-flight. */
    long beforeWalkMillis(JarRunner.Run run) {
        return Duration.between(run.startedAt(), entries.get(0).at()).toMillis();
    }

    /** From the journal's last entry to the process's exit: the end-of-run summary and reports. */
    long afterWalkMillis(JarRunner.Run run) {
        return Duration.between(entries.get(entries.size() - 1).at(), run.endedAt())
                .toMillis();
    }

    /** Lines in the file, the metadata line included: each one was appended and fsynced on its own. */
    long lines() {
        return entries.size() + 1L;
    }

    /** Commands bash ran: the placeholder {@code true} is recorded without starting bash ({@code NoOpCommand}). */
    long commands() {
        return entries.stream()
                .filter(e -> COMMANDS.contains(e.event()) && !NoOpCommand.is(e.cmd()))
                .count();
    }

    long steps() {
        return entries.stream()
                .filter(e -> e.event() == JournalEvent.STEP_SUCCEEDED)
                .count();
    }

    int averageLineBytes() {
        return (int) Math.max(1, fileBytes / lines() - 1);
    }

    /** True when every step that started also succeeded and the lock was released. */
    boolean completed() {
        long started = entries.stream()
                .filter(e -> e.event() == JournalEvent.STEP_STARTED)
                .map(JournalEntry::stepId)
                .distinct()
                .count();
        return started == steps() && entries.get(entries.size() - 1).event() == JournalEvent.LOCK_RELEASED;
    }
}
