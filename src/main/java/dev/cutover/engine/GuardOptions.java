package dev.cutover.engine;

import dev.cutover.input.ApprovalMode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run asks of the environment guardrails (docs/environments.md).
 *
 * @param orgConfig {@code --org-config}, or null to use {@code CUTOVER_ORG_CONFIG} (or none)
 * @param approval {@code --approval}: per-step unless the operator asks for a looser mode the class allows
 * @param pipelineApprovals {@code --pipeline-approvals}: the approvals file {@code prepare-pipeline} generated,
 *     or null
 */
public record GuardOptions(Path orgConfig, ApprovalMode approval, Path pipelineApprovals) {
    public GuardOptions {
        Objects.requireNonNull(approval, "approval");
    }

    /** No org file flag, per-step approval, no pipeline. */
    public static GuardOptions none() {
        return new GuardOptions(null, ApprovalMode.PER_STEP, null);
    }
}
