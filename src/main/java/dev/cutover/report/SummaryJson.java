package dev.cutover.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.StepsJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes {@code execution-summary.json}: UTF-8, 2-space indent, LF, trailing newline, keys in the order of
 * FORMATS.md §3.3 and every key present (null when it does not apply), so equal summaries give equal bytes.
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer(StepsJson.printer());

    private SummaryJson() {}

    /** The file's bytes, for a run without a reverse rollback. */
    public static byte[] write(RunSummary summary) {
        return write(summary, Optional.empty());
    }

    /** The file's bytes; {@code rollback} is what {@code cutover rollback} did (key {@code rollback}, else null). */
    public static byte[] write(RunSummary summary, Optional<RollbackOutcomes> rollback) {
        try {
            ObjectNode tree = tree(summary);
            tree.set("rollback", rollback.map(RollbackOutcomes::json).orElse(null));
            String json = WRITER.writeValueAsString(tree);
            return (json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary tree always serializes", e);
        }
    }

    /** The summary as a JSON tree in key order (also embedded by {@code status --json}). */
    static ObjectNode tree(RunSummary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("ended_at", ReportTime.format(s.endedAt()));
        o.put("verdict", s.verdict().wireName());
        o.put("steps_total", s.stepsTotal());
        o.put("steps_succeeded", s.stepsSucceeded());
        o.put("steps_skipped", s.stepsSkipped());
        o.put("steps_failed", s.stepsFailed());
        o.put("halt_reason", s.haltReason());
        o.put("halt_step_id", s.haltStepId());
        o.put("run_id", s.runId());
        o.put("started_at", ReportTime.format(s.startedAt()));
        o.put("elapsed_seconds", s.elapsedSeconds());
        o.put("approvals_requested", s.approvalsRequested());
        o.put("approvals_given", s.approvalsGiven());
        o.put("steps_blocked", s.stepsBlocked());
        o.put("steps_pending", s.stepsPending());
        ArrayNode freezes = o.putArray("active_freezes");
        for (ActiveFreeze f : s.activeFreezes()) {
            ObjectNode n = freezes.addObject();
            n.put("datastore_arn", f.spec().datastoreArn());
            n.put("begins_at_step_id", f.spec().beginsAtStepId());
            n.put("started_at", ReportTime.format(f.startedAt()));
            n.put("duration_minutes", f.spec().durationMinutes());
            n.put("elapsed_minutes", f.elapsedMinutes());
        }
        return o;
    }
}
