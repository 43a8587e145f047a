package dev.cutover.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Checklist metadata; {@code iam_policy_required} is a string (control plane) or an array (data plane). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChecklistMetadata(
        String capturedAt, String sourceAccountId, String targetAccountId, String runId, String pluginVersion) {}
