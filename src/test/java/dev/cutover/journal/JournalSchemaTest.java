package dev.cutover.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {
    @TempDir
    Path dir;

    private final JournalSchema schema = new JournalSchema();
    private final ObjectMapper mapper = new ObjectMapper();
    private ObjectNode metadata;
    private ObjectNode entry;

    @BeforeEach
    void writeJournal() throws Exception {
        Path journal = dir.resolve("execution-log.jsonl");
        JournalFixtures.write(journal, JournalFixtures.successfulStep());
        List<String> lines = JournalFixtures.lines(journal);
        metadata = (ObjectNode) mapper.readTree(lines.get(0));
        entry = (ObjectNode) mapper.readTree(lines.get(5));
    }

    @Test
    void acceptsTheMetadataLineInBothShapesAndAnEntry() {
        assertThat(schema.validateLine(metadata)).isEmpty();
        assertThat(schema.validateLine(mapper.createObjectNode().set("metadata", metadata)))
                .isEmpty();
        assertThat(schema.validateLine(entry)).isEmpty();
    }

    @Test
    void acceptsRunLevelAndPhaseZeroEntries() {
        entry.put("step_id", JournalEntry.RUN_STEP_ID).put("phase_number", 0);

        assertThat(schema.validateLine(entry)).isEmpty();
    }

    @Test
    void rejectsAnEntryWithoutItsHashLink() {
        entry.remove("prev_sha256");

        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("prev_sha256"));
    }

    @Test
    void rejectsUpperCaseOrShortHashes() {
        entry.put("prev_sha256", "ABCDEF");

        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/prev_sha256"));
    }

    @Test
    void rejectsPhaseSevenAndUpstreamStyleStepIds() {
        entry.put("phase_number", 7);
        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/phase_number"));

        entry.put("phase_number", 1).put("step_id", "phase1-001-vpc");
        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/step_id"));
    }

    @Test
    void requiresAnOperatorOnApprovalClassEvents() {
        entry.put("event", "approved").putNull("operator");

        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/operator"));
    }

    @Test
    void rejectsEventsOutsideTheClosedList() {
        entry.put("event", "approval-granted");

        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/event"));
    }

    @Test
    void rejectsTimestampsWithoutMilliseconds() {
        entry.put("at", "2026-11-21T13:45:01Z");

        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("/at"));
    }

    @Test
    void rejectsUnknownKeysAndMissingOptionalKeysOnEntries() {
        entry.put("extra", 1);
        assertThat(schema.validateLine(entry)).isNotEmpty();

        entry.remove("extra");
        entry.remove("notes");
        assertThat(schema.validateLine(entry)).anySatisfy(m -> assertThat(m).contains("notes"));
    }

    @Test
    void rejectsMetadataWithABadAccountOrApprovalMode() {
        metadata.put("target_account_id", "12345");
        assertThat(schema.validateLine(metadata)).anySatisfy(m -> assertThat(m).contains("/target_account_id"));

        metadata.put("target_account_id", "222222222222").put("approval_mode", "batch");
        assertThat(schema.validateLine(metadata)).anySatisfy(m -> assertThat(m).contains("/approval_mode"));
    }

    @Test
    void listsExactlyTheEnumEventsInItsEventEnum() throws Exception {
        JsonNode root;
        try (var in = JournalSchema.class.getResourceAsStream(JournalSchema.RESOURCE)) {
            root = mapper.readTree(in);
        }
        JsonNode names = root.at("/$defs/entry/properties/event/enum");
        List<String> inSchema = new ArrayList<>();
        StreamSupport.stream(names.spliterator(), false).forEach(n -> inSchema.add(n.asText()));

        assertThat(inSchema)
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(JournalEvent.values())
                        .map(JournalEvent::wireName)
                        .toList());
    }
}
