package dev.cutover.input;

/** Checklist metadata; {@code iam_policy_required} is a string (control plane) or an array (data plane). */
public record ChecklistMetadata(
        String capturedAt, String sourceAccountId, String targetAccountId, String runId, String pluginVersion) {}
