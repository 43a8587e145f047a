package dev.cutover.compile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code execution-steps.json} token by token onto {@link ExecutionStep}s, as strictly as {@link StepsJson}
 * writes it: an array of objects whose keys are the record's, each at most once, strings or null where the record
 * holds text, whole numbers for its numbers, booleans for its flags, arrays of strings for its lists. Anything else
 * is a {@link Malformed} naming the step and the key.
 *
 * <p>Written out by hand, like the writer, rather than by data binding: binding a plan of 1,666 steps cold took
 * 100–127 ms of every {@code cutover status}, most of it building the deserializer by reflection.
 */
final class StepsReader {
    /** The file is not a compiled plan; the message says where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final JsonParser parser;
    private int index = -1;

    private StepsReader(JsonParser parser) {
        this.parser = parser;
    }

    static List<ExecutionStep> read(JsonParser parser) throws IOException, Malformed {
        return new StepsReader(parser).steps();
    }

    private List<ExecutionStep> steps() throws IOException, Malformed {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new Malformed("expected an array of steps");
        }
        List<ExecutionStep> steps = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            index++;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw malformed("expected a step object, found " + parser.currentToken());
            }
            steps.add(step());
        }
        if (parser.nextToken() != null) {
            throw new Malformed("unexpected content after the array of steps");
        }
        return steps;
    }

    private ExecutionStep step() throws IOException, Malformed {
        Fields f = new Fields();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (!seen.add(name)) {
                throw malformed("key `" + name + "` appears twice");
            }
            parser.nextToken();
            read(f, name);
        }
        String missing = f.firstMissingCommandOrId();
        if (missing != null) {
            throw malformed("`" + missing + "` is missing or null");
        }
        return f.build();
    }

    // Keys in ExecutionStep's declared order (FORMATS.md §3.1).
    private void read(Fields f, String name) throws IOException, Malformed {
        switch (name) {
            case "step_id" -> f.stepId = text(name);
            case "phase_number" -> f.phaseNumber = integer(name);
            case "phase_name" -> f.phaseName = text(name);
            case "checklist_item_id" -> f.checklistItemId = text(name);
            case "resource_arn" -> f.resourceArn = text(name);
            case "resource_type" -> f.resourceType = text(name);
            case "action" -> f.action = text(name);
            case "tool" -> f.tool = text(name);
            case "execute_cmd" -> f.executeCmd = text(name);
            case "verify_cmd" -> f.verifyCmd = text(name);
            case "rollback_cmd" -> f.rollbackCmd = text(name);
            case "risk" -> f.risk = text(name);
            case "approval_required" -> f.approvalRequired = flag(name);
            case "preview_cmd" -> f.previewCmd = text(name);
            case "verify_success_pattern" -> f.verifySuccessPattern = text(name);
            case "requires" -> f.requires = texts(name);
            case "long_running" -> f.longRunning = flag(name);
            case "poll_cmd" -> f.pollCmd = text(name);
            case "poll_interval_seconds" -> f.pollIntervalSeconds = integerOrNull(name);
            case "poll_terminal_states" -> f.pollTerminalStates = texts(name);
            case "owner_team" -> f.ownerTeam = text(name);
            case "estimated_seconds" -> f.estimatedSeconds = integer(name);
            case "notes" -> f.notes = text(name);
            case "plane" -> f.plane = text(name);
            case "source_section" -> f.sourceSection = text(name);
            case "operation_type" -> f.operationType = text(name);
            case "description" -> f.description = text(name);
            case "datastore_arn" -> f.datastoreArn = text(name);
            case "irreversible" -> f.irreversible = flag(name);
            case "runtime_params" -> f.runtimeParams = texts(name);
            case "poll_success_states" -> f.pollSuccessStates = texts(name);
            case "rollback_source" -> f.rollbackSource = text(name);
            case "rollback_window_minutes" -> f.rollbackWindowMinutes = integerOrNull(name);
            default -> throw malformed("unknown key `" + name + "`");
        }
    }

    private String text(String name) throws IOException, Malformed {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw wrong(name, "a string or null");
        };
    }

    private int integer(String name) throws IOException, Malformed {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw wrong(name, "a whole number");
        }
        return parser.getIntValue();
    }

    private Integer integerOrNull(String name) throws IOException, Malformed {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : integer(name);
    }

    private boolean flag(String name) throws IOException, Malformed {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw wrong(name, "true or false");
        };
    }

    private List<String> texts(String name) throws IOException, Malformed {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null; // the record reads an absent list as empty
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw wrong(name, "an array of strings");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw wrong(name, "an array of strings");
            }
            values.add(parser.getText());
        }
        return values;
    }

    private Malformed wrong(String name, String expected) {
        return malformed("`" + name + "` must be " + expected + ", found " + parser.currentToken());
    }

    private Malformed malformed(String what) {
        return new Malformed(
                "step " + index + " (line " + parser.currentLocation().getLineNr() + "): " + what);
    }

    /** One step's values as read so far; absent keys keep the defaults data binding gave them. */
    private static final class Fields {
        String stepId;
        int phaseNumber;
        String phaseName;
        String checklistItemId;
        String resourceArn;
        String resourceType;
        String action;
        String tool;
        String executeCmd;
        String verifyCmd;
        String rollbackCmd;
        String risk;
        boolean approvalRequired;
        String previewCmd;
        String verifySuccessPattern;
        List<String> requires;
        boolean longRunning;
        String pollCmd;
        Integer pollIntervalSeconds;
        List<String> pollTerminalStates;
        String ownerTeam;
        int estimatedSeconds;
        String notes;
        String plane;
        String sourceSection;
        String operationType;
        String description;
        String datastoreArn;
        boolean irreversible;
        List<String> runtimeParams;
        List<String> pollSuccessStates;
        String rollbackSource;
        Integer rollbackWindowMinutes;

        /** The first of the keys the record cannot be without that is absent or null, or null when none is. */
        String firstMissingCommandOrId() {
            if (stepId == null) {
                return "step_id";
            }
            if (executeCmd == null) {
                return "execute_cmd";
            }
            if (verifyCmd == null) {
                return "verify_cmd";
            }
            return rollbackCmd == null ? "rollback_cmd" : null;
        }

        ExecutionStep build() {
            return new ExecutionStep(
                    stepId,
                    phaseNumber,
                    phaseName,
                    checklistItemId,
                    resourceArn,
                    resourceType,
                    action,
                    tool,
                    executeCmd,
                    verifyCmd,
                    rollbackCmd,
                    risk,
                    approvalRequired,
                    previewCmd,
                    verifySuccessPattern,
                    requires,
                    longRunning,
                    pollCmd,
                    pollIntervalSeconds,
                    pollTerminalStates,
                    ownerTeam,
                    estimatedSeconds,
                    notes,
                    plane,
                    sourceSection,
                    operationType,
                    description,
                    datastoreArn,
                    irreversible,
                    runtimeParams,
                    pollSuccessStates,
                    rollbackSource,
                    rollbackWindowMinutes);
        }
    }
}
