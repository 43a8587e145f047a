package dev.cutover.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared test data: a metadata line, a deterministic clock, a short realistic journal and line surgery. */
final class JournalFixtures {
    static final Instant T0 = Instant.parse("2026-11-21T13:45:01.123Z");
    static final String STEP = "cp-phase1-010-vpc-terraform-apply";
    static final String OPERATOR = "alice@example.com";

    private JournalFixtures() {}

    static JournalMetadata metadata() {
        return JournalMetadata.standard("northwind-2026-11-21", T0, "111111111111", "222222222222", "0.1.0");
    }

    /** A clock that advances by {@code step} on every read: deterministic, and no test ever sleeps. */
    static Clock steppingClock(Instant start, Duration step) {
        return new Clock() {
            private Instant next = start;

            @Override
            public synchronized Instant instant() {
                Instant now = next;
                next = next.plus(step);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static Clock clock() {
        return steppingClock(T0.plusSeconds(1), Duration.ofMillis(1500));
    }

    /** The step lifecycle of one successful step, bracketed by the lock events. */
    static List<EntryDraft> successfulStep() {
        return List.of(
                EntryDraft.runLevel(JournalEvent.LOCK_ACQUIRED).withOperator(OPERATOR),
                EntryDraft.of(STEP, 1, JournalEvent.STEP_STARTED).withOperator(OPERATOR),
                EntryDraft.of(STEP, 1, JournalEvent.APPROVAL_REQUESTED)
                        .withOperator(OPERATOR)
                        .withNotes("{\"module\":\"vpc\"}"),
                EntryDraft.of(STEP, 1, JournalEvent.APPROVED).withOperator(OPERATOR),
                EntryDraft.of(STEP, 1, JournalEvent.EXECUTED)
                        .withOperator(OPERATOR)
                        .withCmd("terraform apply -target=module.vpc -auto-approve")
                        .withExitCode(0)
                        .withTails("Apply complete! Resources: 3 added.\n", ""),
                EntryDraft.of(STEP, 1, JournalEvent.VERIFY_PASSED)
                        .withOperator(OPERATOR)
                        .withExitCode(0),
                EntryDraft.of(STEP, 1, JournalEvent.STEP_SUCCEEDED).withOperator(OPERATOR),
                EntryDraft.runLevel(JournalEvent.LOCK_RELEASED).withOperator(OPERATOR));
    }

    /** Writes metadata plus the given drafts and returns the appended entries. */
    /**
     * The entry {@code draft} becomes as the {@code n}th of a journal, one second apart from {@link #T0}, written by
     * alice, with a placeholder hash: for tests that read entries without a chain to check.
     */
    static JournalEntry unchained(int n, EntryDraft draft) {
        return new JournalEntry(
                "e" + n,
                draft.stepId(),
                draft.phaseNumber(),
                draft.event(),
                T0.plusSeconds(n),
                "alice",
                draft.cmd(),
                draft.exitCode(),
                null,
                null,
                draft.pollState(),
                draft.notes(),
                "0".repeat(64));
    }

    static List<JournalEntry> write(Path journal, List<EntryDraft> drafts) {
        List<JournalEntry> written = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.create(journal, metadata(), clock())) {
            drafts.forEach(d -> written.add(writer.append(d)));
        }
        return written;
    }

    static List<String> lines(Path journal) {
        try {
            return Files.readAllLines(journal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the file from lines, each followed by LF (the test's tampering, never the product's). */
    static void writeLines(Path journal, List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        writeBytes(journal, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] readBytes(Path journal) {
        try {
            return Files.readAllBytes(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeBytes(Path journal, byte[] bytes) {
        try {
            Files.write(journal, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
