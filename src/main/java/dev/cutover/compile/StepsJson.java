package dev.cutover.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes {@code execution-steps.json} byte-for-byte reproducibly (FORMATS.md §3.1): UTF-8, LF,
 * 2-space indent, {@code "key": value}, keys in {@link ExecutionStep}'s declared order, nulls written,
 * trailing newline. The pretty printer is built explicitly so no platform line separator leaks in.
 */
public final class StepsJson {
    // Streaming only: both directions are written out field by field. Thread-safe once built.
    private static final JsonFactory JSON = new JsonFactory();

    private StepsJson() {}

    /**
     * The steps as {@code execution-steps.json} bytes. Written field by field rather than by data binding: the
     * result is the same (StepsJsonTest compares the two on every compiled plan it has), and a cold start no longer
     * pays for reflecting over the record and generating accessors for its 33 fields, on every execute.
     */
    public static byte[] write(List<ExecutionStep> steps) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(printer());
            g.writeStartArray();
            for (ExecutionStep step : steps) {
                writeStep(g, step);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.INTERNAL, "cannot serialise steps: " + e.getMessage(), e);
        }
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // In ExecutionStep's declared order, which is also its @JsonPropertyOrder.
    private static void writeStep(JsonGenerator g, ExecutionStep s) throws IOException {
        g.writeStartObject();
        text(g, "step_id", s.stepId());
        g.writeNumberField("phase_number", s.phaseNumber());
        text(g, "phase_name", s.phaseName());
        text(g, "checklist_item_id", s.checklistItemId());
        text(g, "resource_arn", s.resourceArn());
        text(g, "resource_type", s.resourceType());
        text(g, "action", s.action());
        text(g, "tool", s.tool());
        text(g, "execute_cmd", s.executeCmd());
        text(g, "verify_cmd", s.verifyCmd());
        text(g, "rollback_cmd", s.rollbackCmd());
        text(g, "risk", s.risk());
        g.writeBooleanField("approval_required", s.approvalRequired());
        text(g, "preview_cmd", s.previewCmd());
        text(g, "verify_success_pattern", s.verifySuccessPattern());
        texts(g, "requires", s.requires());
        g.writeBooleanField("long_running", s.longRunning());
        text(g, "poll_cmd", s.pollCmd());
        number(g, "poll_interval_seconds", s.pollIntervalSeconds());
        texts(g, "poll_terminal_states", s.pollTerminalStates());
        text(g, "owner_team", s.ownerTeam());
        g.writeNumberField("estimated_seconds", s.estimatedSeconds());
        text(g, "notes", s.notes());
        text(g, "plane", s.plane());
        text(g, "source_section", s.sourceSection());
        text(g, "operation_type", s.operationType());
        text(g, "description", s.description());
        text(g, "datastore_arn", s.datastoreArn());
        g.writeBooleanField("irreversible", s.irreversible());
        texts(g, "runtime_params", s.runtimeParams());
        texts(g, "poll_success_states", s.pollSuccessStates());
        text(g, "rollback_source", s.rollbackSource());
        number(g, "rollback_window_minutes", s.rollbackWindowMinutes());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, String name, Integer value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void texts(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    /**
     * The steps of {@code execution-steps.json} bytes, read as strictly as {@link #write} writes them
     * ({@link StepsReader}).
     *
     * @throws CutoverException {@link ErrorCode#STEPS_FILE_INVALID} naming the step and key that are wrong
     */
    public static List<ExecutionStep> read(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return StepsReader.read(parser);
        } catch (IOException | StepsReader.Malformed e) {
            throw new CutoverException(
                    ErrorCode.STEPS_FILE_INVALID, "execution-steps.json is not a compiled plan: " + e.getMessage(), e);
        }
    }

    /**
     * The layout of every JSON file Cutover writes for people and diff tools: 2-space indent, {@code "key":
     * value}, LF line ends on every platform, empty containers as {@code []} and {@code {}}. A fresh instance
     * each call (Jackson pretty printers are stateful).
     */
    public static DefaultPrettyPrinter printer() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(lf);
        printer.indentArraysWith(lf);
        return printer;
    }
}
