package dev.cutover.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Line 1 of a journal (FORMATS.md §3.2), written once when the journal is created; nullable components are
 * written as JSON null, and the key order on disk is the component order.
 *
 * @param runId the run id ({@code --run-id})
 * @param startedAt when the run started (written with millisecond precision)
 * @param sourceAccountId the 12-digit source AWS account
 * @param targetAccountId the 12-digit target AWS account
 * @param pluginVersion the executor's own version
 * @param checklistRef the control-plane checklist path, e.g. {@code ./cutover-checklist-control-plane.json}
 * @param planRef the migration plan path, e.g. {@code ./migration-plan.json}
 * @param executionStepsRef the compiled steps path, or null
 * @param approvalMode {@code per-step} or null (no other mode exists)
 * @param dataPlaneChecklistRef the data-plane checklist path, or null
 * @param dataMigrationPlanRef the data migration plan path, or null
 */
public record JournalMetadata(
        String runId,
        Instant startedAt,
        String sourceAccountId,
        String targetAccountId,
        String pluginVersion,
        String checklistRef,
        String planRef,
        String executionStepsRef,
        String approvalMode,
        String dataPlaneChecklistRef,
        String dataMigrationPlanRef) {

    /** The only approval mode; nothing disables per-step approval. */
    public static final String PER_STEP = "per-step";

    private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");

    public JournalMetadata {
        requireText(runId, "run_id");
        Objects.requireNonNull(startedAt, "started_at");
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        requireAccount(sourceAccountId, "source_account_id");
        requireAccount(targetAccountId, "target_account_id");
        requireText(pluginVersion, "plugin_version");
        requireText(checklistRef, "checklist_ref");
        requireText(planRef, "plan_ref");
        if (approvalMode != null && !PER_STEP.equals(approvalMode)) {
            throw new IllegalArgumentException("approval_mode must be per-step or null: " + approvalMode);
        }
    }

    /**
     * Metadata with the standard run-directory refs of FORMATS.md §3.2 and per-step approval.
     */
    public static JournalMetadata standard(
            String runId, Instant startedAt, String sourceAccountId, String targetAccountId, String pluginVersion) {
        return new JournalMetadata(
                runId,
                startedAt,
                sourceAccountId,
                targetAccountId,
                pluginVersion,
                "./cutover-checklist-control-plane.json",
                "./migration-plan.json",
                "./execution-steps.json",
                PER_STEP,
                "./cutover-checklist-data-plane.json",
                "./data-migration-plan.json");
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required and must not be blank");
        }
    }

    private static void requireAccount(String value, String key) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be 12 digits: " + value);
        }
    }
}
