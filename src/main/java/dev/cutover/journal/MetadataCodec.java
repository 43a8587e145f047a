package dev.cutover.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.time.UtcMillis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Encodes line 1 with its fixed key order and decodes it from either accepted shape. */
final class MetadataCodec {
    static final List<String> KEYS = List.of(
            "run_id",
            "started_at",
            "source_account_id",
            "target_account_id",
            "plugin_version",
            "checklist_ref",
            "plan_ref",
            "execution_steps_ref",
            "approval_mode",
            "data_plane_checklist_ref",
            "data_migration_plan_ref");
    private static final int REQUIRED_KEYS = 7; // the first seven, as upstream requires

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    byte[] encode(JournalMetadata m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("run_id", m.runId());
            g.writeStringField("started_at", UtcMillis.format(m.startedAt()));
            g.writeStringField("source_account_id", m.sourceAccountId());
            g.writeStringField("target_account_id", m.targetAccountId());
            g.writeStringField("plugin_version", m.pluginVersion());
            g.writeStringField("checklist_ref", m.checklistRef());
            g.writeStringField("plan_ref", m.planRef());
            g.writeStringField("execution_steps_ref", m.executionStepsRef());
            g.writeStringField("approval_mode", m.approvalMode());
            g.writeStringField("data_plane_checklist_ref", m.dataPlaneChecklistRef());
            g.writeStringField("data_migration_plan_ref", m.dataMigrationPlanRef());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JSON generation failed", e);
        }
        return out.toByteArray();
    }

    /** Accepts the metadata object itself or {@code {"metadata":{…}}} (FORMATS.md §3.2). */
    JournalMetadata decode(byte[] line, int offset, int length) throws LineProblem {
        JsonNode root;
        try {
            root = mapper.readTree(line, offset, length);
        } catch (JsonProcessingException e) {
            throw LineProblem.notJson("not valid JSON: " + JournalCodec.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw LineProblem.notJson("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw LineProblem.notJson("not a JSON object");
        }
        JsonNode object = root.size() == 1 && root.has("metadata") ? root.get("metadata") : root;
        if (!object.isObject()) {
            throw LineProblem.invalid("\"metadata\" must be an object");
        }
        return fromObject(object);
    }

    private JournalMetadata fromObject(JsonNode object) throws LineProblem {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KEYS.contains(field.getKey())) {
                throw LineProblem.invalid("unknown metadata key \"" + field.getKey() + "\"");
            }
            if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw LineProblem.invalid("metadata \"" + field.getKey() + "\" must be a string or null");
            }
        }
        String[] v = new String[KEYS.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode node = object.get(KEYS.get(i));
            v[i] = node == null || node.isNull() ? null : node.asText();
            if (i < REQUIRED_KEYS && v[i] == null) {
                throw LineProblem.invalid("metadata \"" + KEYS.get(i) + "\" is required");
            }
        }
        try {
            return new JournalMetadata(
                    v[0], JournalTime.parse(v[1]), v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
        } catch (IllegalArgumentException e) {
            throw LineProblem.invalid("metadata: " + e.getMessage());
        }
    }
}
