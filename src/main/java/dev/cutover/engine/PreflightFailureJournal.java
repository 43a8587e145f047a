package dev.cutover.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.input.Plane;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.JournalMetadata;
import dev.cutover.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * Records a pre-flight failure (checks 3–7) as FORMATS.md §5 prescribes: when no journal exists, a metadata line
 * and one run-level {@code step-failed} naming the check and reason. No lock file, no steps file. The next run
 * sets such a journal aside and starts fresh.
 */
final class PreflightFailureJournal {
    private static final String UNKNOWN_ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PreflightFailureJournal() {}

    static void record(RunDirectory dir, LoadedPlan plan, String operator, Clock clock, Failure failure) {
        if (Files.exists(dir.journalFile())) {
            return;
        }
        JournalMetadata metadata = metadata(dir, plan, clock, failure.toolVersion());
        JournalWriter writer = JournalWriter.create(dir.journalFile(), metadata, clock);
        try {
            CutoverException e = failure.error();
            String notes = (failure.check().isEmpty() ? "" : failure.check() + ": ") + e.getMessage() + problems(e);
            writer.append(EntryDraft.runLevel(JournalEvent.STEP_FAILED)
                    .withOperator(operator)
                    .withNotes(notes));
        } finally {
            writer.close();
        }
    }

    /**
     * What failed: the check's label (empty when the message names it), the error, and this executor's version
     * for the metadata's {@code plugin_version}.
     */
    record Failure(String check, CutoverException error, String toolVersion) {}

    /** Run and account ids from the loaded plan, else from whichever checklist still parses (FORMATS.md §5). */
    private static JournalMetadata metadata(RunDirectory dir, LoadedPlan plan, Clock clock, String version) {
        if (plan != null) {
            var m = plan.inputs().controlPlane().metadata();
            return JournalMetadata.standard(
                    m.runId(), clock.instant(), m.sourceAccountId(), m.targetAccountId(), version);
        }
        String fallbackRunId = dir.root().getFileName().toString();
        for (Plane plane : Plane.values()) {
            try {
                JsonNode m = JSON.readTree(dir.file(plane.jsonFile()).toFile()).path("metadata");
                String runId = m.path("run_id").asText("");
                return JournalMetadata.standard(
                        runId.isBlank() ? fallbackRunId : runId,
                        clock.instant(),
                        m.path("source_account_id").asText(),
                        m.path("target_account_id").asText(),
                        version);
            } catch (IOException | RuntimeException unusable) {
                // missing, unparseable or without valid account ids: try the other checklist
            }
        }
        return JournalMetadata.standard(fallbackRunId, clock.instant(), UNKNOWN_ACCOUNT, UNKNOWN_ACCOUNT, version);
    }

    private static String problems(CutoverException e) {
        if (e.problems().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        e.problems()
                .forEach(p -> b.append(" | ")
                        .append(p.file())
                        .append(' ')
                        .append(p.pointer())
                        .append(": ")
                        .append(p.message()));
        return b.toString();
    }
}
