package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.JournalWriter;
import dev.cutover.journal.NotificationEntry;
import dev.cutover.journal.VerificationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery threads journal their outcomes while the walk journals its own events: both go through the one
 * {@link RunJournal}, so the file stays one valid hash chain with consecutive entry ids.
 */
class RunJournalConcurrencyTest {
    private static final int DELIVERY_THREADS = 4;
    private static final int OUTCOMES_PER_THREAD = 60;
    private static final String STEP = "dp-phase2-010-copy-data";

    @TempDir
    Path tmp;

    @Test
    void concurrentAppendsFromDeliveryThreadsAndTheWalkFormOneVerifiableChain() throws Exception {
        Path file = tmp.resolve("execution-log.jsonl");
        Clock clock = Clock.systemUTC();
        RunJournal journal = new RunJournal(
                JournalWriter.create(
                        file,
                        JournalMetadata.standard("r", clock.instant(), "000000000001", "000000000002", "t"),
                        clock),
                "op");
        ExecutorService pool = Executors.newFixedThreadPool(DELIVERY_THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        for (int t = 0; t < DELIVERY_THREADS; t++) {
            String webhook = "hook" + t;
            deliveries.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < OUTCOMES_PER_THREAD; i++) {
                    journal.append(
                            new NotificationEntry(webhook, "gate-signed", i % 2 == 0, "notification #" + i).draft());
                }
                return null;
            }));
        }
        go.countDown();
        int walkEntries = walk(journal);
        for (Future<?> f : deliveries) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        journal.close();

        VerificationResult verified = new JournalVerifier().verify(file);
        assertThat(verified.ok()).as(verified.describe()).isTrue();
        JournalContents contents = new JournalReader().read(file);
        int total = DELIVERY_THREADS * OUTCOMES_PER_THREAD + walkEntries;
        assertThat(contents.entries()).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(contents.entries().get(i).entryId()).isEqualTo("e" + (i + 1));
        }
        assertThat(contents.entries().stream().filter(NotificationEntry::is))
                .hasSize(DELIVERY_THREADS * OUTCOMES_PER_THREAD);
        assertThat(contents.entries().stream().filter(e -> !e.isRunLevel()).map(JournalEntry::event))
                .as("the walk's own events, in its order")
                .containsExactlyElementsOf(
                        walkEvents().stream().limit(walkEntries).toList());
    }

    /** The walk's side: one step's lifecycle, repeated through retries, checked by the lifecycle table. */
    private static int walk(RunJournal journal) {
        List<JournalEvent> events = walkEvents();
        for (JournalEvent e : events) {
            journal.append(EntryDraft.of(STEP, 2, e));
        }
        return events.size();
    }

    private static List<JournalEvent> walkEvents() {
        List<JournalEvent> events = new ArrayList<>(List.of(
                JournalEvent.STEP_STARTED,
                JournalEvent.APPROVAL_REQUESTED,
                JournalEvent.APPROVED,
                JournalEvent.EXECUTED,
                JournalEvent.VERIFY_FAILED,
                JournalEvent.STEP_FAILED,
                JournalEvent.ROLLBACK_OFFERED));
        for (int i = 0; i < 20; i++) {
            events.addAll(List.of(
                    JournalEvent.APPROVED,
                    JournalEvent.EXECUTED,
                    JournalEvent.VERIFY_FAILED,
                    JournalEvent.STEP_FAILED,
                    JournalEvent.ROLLBACK_OFFERED));
        }
        return events;
    }
}
