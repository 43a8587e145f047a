package dev.cutover.cli;

import dev.cutover.engine.GuardOptions;
import dev.cutover.input.ApprovalMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --org-config}: the organisation's environments.yaml, for the commands that apply the guardrails. */
public final class OrgConfigOption {
    @Option(
            names = "--org-config",
            paramLabel = "FILE",
            description = "The organisation's environments.yaml: accounts per environment class and the permission"
                    + " matrix (docs/environments.md). Default: $CUTOVER_ORG_CONFIG; with neither, the built-in"
                    + " matrix applies and accounts are not cross-checked.")
    Path orgConfig;

    /** The guard options of a verb that takes no {@code --approval}: per-step, this org file. */
    GuardOptions guard() {
        return guard(null);
    }

    /** As {@link #guard()}, reading {@code pipelineApprovals} (a {@code --pipeline-approvals} file, or null). */
    GuardOptions guard(Path pipelineApprovals) {
        return new GuardOptions(
                orgConfig,
                ApprovalMode.PER_STEP,
                pipelineApprovals == null ? null : pipelineApprovals.toAbsolutePath());
    }
}
