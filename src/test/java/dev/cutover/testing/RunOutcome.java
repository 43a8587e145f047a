package dev.cutover.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import dev.cutover.engine.RunResult;
import dev.cutover.journal.JournalSchema;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario run produced: the engine's result, the journal entries (already verified and
 * schema-checked), the questions asked, the sleeps requested and the output printed.
 */
public record RunOutcome(
        RunResult result,
        Path dir,
        List<JsonNode> entries,
        ScriptedApprover approver,
        List<Duration> sleeps,
        String output) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JournalSchema SCHEMA = new JournalSchema();

    static RunOutcome of(RunResult result, Path dir, ScriptedApprover approver, RecordingSleeper s, String output) {
        return new RunOutcome(
                result, dir, checkedJournal(dir.resolve("execution-log.jsonl")), approver, s.requests(), output);
    }

    /** Verifies the journal with {@link JournalVerifier}, validates every line, and returns the entries. */
    static List<JsonNode> checkedJournal(Path journal) {
        if (!Files.exists(journal)) {
            return List.of();
        }
        VerificationResult verified = new JournalVerifier().verify(journal);
        assertThat(verified.ok()).as("verify-journal: %s", verified.describe()).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(journal);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = JSON.readTree(lines.get(i));
                assertThat(SCHEMA.validateLine(line))
                        .as("journal line %d: %s", i + 1, lines.get(i))
                        .isEmpty();
                if (i > 0) {
                    entries.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    public String verdict() {
        return result.ending().verdict().wireName();
    }

    public int exitCode() {
        return result.exitCode();
    }

    /** The events of {@code stepId}, in journal order. */
    public List<String> events(String stepId) {
        return entries.stream()
                .filter(e -> e.path("step_id").asText().equals(stepId))
                .map(e -> e.path("event").asText())
                .toList();
    }

    /** The entries of {@code stepId} with {@code event}, in journal order. */
    public List<JsonNode> entries(String stepId, String event) {
        return entries.stream()
                .filter(e -> e.path("step_id").asText().equals(stepId)
                        && e.path("event").asText().equals(event))
                .toList();
    }

    /** Every event in the journal, as {@code step_id event}. */
    public List<String> timeline() {
        return entries.stream()
                .map(e -> e.path("step_id").asText() + " " + e.path("event").asText())
                .toList();
    }

    public List<Question> asked(PromptKind kind, String stepId) {
        return approver.asked(kind, stepId);
    }

    public JsonNode summary() {
        try {
            return JSON.readTree(dir.resolve("execution-summary.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String relative) {
        return dir.resolve(relative);
    }
}
