package dev.cutover.compile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One compiled step of {@code execution-steps.json}. The component order is the on-disk key order
 * (FORMATS.md §3.1): upstream-required keys, upstream-optional keys, then our extensions. Every key is
 * always written, null when it does not apply, so the file's shape never depends on the inputs.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonPropertyOrder({
    "step_id",
    "phase_number",
    "phase_name",
    "checklist_item_id",
    "resource_arn",
    "resource_type",
    "action",
    "tool",
    "execute_cmd",
    "verify_cmd",
    "rollback_cmd",
    "risk",
    "approval_required",
    "preview_cmd",
    "verify_success_pattern",
    "requires",
    "long_running",
    "poll_cmd",
    "poll_interval_seconds",
    "poll_terminal_states",
    "owner_team",
    "estimated_seconds",
    "notes",
    "plane",
    "source_section",
    "operation_type",
    "description",
    "datastore_arn",
    "irreversible",
    "runtime_params",
    "poll_success_states",
    "rollback_source",
    "rollback_window_minutes"
})
public record ExecutionStep(
        String stepId,
        int phaseNumber,
        String phaseName,
        String checklistItemId,
        String resourceArn,
        String resourceType,
        String action,
        String tool,
        String executeCmd,
        String verifyCmd,
        String rollbackCmd,
        String risk,
        boolean approvalRequired,
        String previewCmd,
        String verifySuccessPattern,
        List<String> requires,
        boolean longRunning,
        String pollCmd,
        Integer pollIntervalSeconds,
        List<String> pollTerminalStates,
        String ownerTeam,
        int estimatedSeconds,
        String notes,
        String plane,
        String sourceSection,
        String operationType,
        String description,
        String datastoreArn,
        boolean irreversible,
        List<String> runtimeParams,
        List<String> pollSuccessStates,
        String rollbackSource,
        Integer rollbackWindowMinutes) {

    /** Step ids as FORMATS.md §4.1 defines them. */
    public static final Pattern STEP_ID = Pattern.compile("^(cp|dp)-phase[0-6]-[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*$");

    /** The synthesized step between the planes. */
    public static final String HANDOFF_STEP_ID = "cp-phase6-999-handoff-to-data-plane";

    /** The step id run-level journal entries carry (lock, pre-flight, go/no-go). */
    public static final String RUN_LEVEL_STEP_ID = "cp-phase0-000-run";

    public ExecutionStep {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(executeCmd, "executeCmd");
        Objects.requireNonNull(verifyCmd, "verifyCmd");
        Objects.requireNonNull(rollbackCmd, "rollbackCmd");
        requires = requires == null ? List.of() : List.copyOf(requires);
        pollTerminalStates = pollTerminalStates == null ? List.of() : List.copyOf(pollTerminalStates);
        runtimeParams = runtimeParams == null ? List.of() : List.copyOf(runtimeParams);
        pollSuccessStates = pollSuccessStates == null ? List.of() : List.copyOf(pollSuccessStates);
    }

    /** Mutating = the step changes something (FORMATS.md §4.2). */
    public boolean mutating() {
        return !"manual-decision".equals(action) && !"verify-only".equals(action);
    }

    /** A step the operator performs by hand; the engine runs no command for it. */
    public boolean human() {
        return "human".equals(tool);
    }

    public boolean handoff() {
        return HANDOFF_STEP_ID.equals(stepId);
    }
}
