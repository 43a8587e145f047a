package dev.cutover.engine;

import dev.cutover.compile.GateAnchors;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the walk needs from the inputs and configuration besides the steps.
 *
 * @param pollIntervalOverride {@code poll_interval_seconds} from cutover.yaml, or null to use each step's
 * @param pollTimeout {@code poll_timeout_seconds} from cutover.yaml: how long one poll command may run
 * @param handoffCriteria the control plane's {@code handoff_to_data_plane.criteria}
 * @param gates the go/no-go gates and the steps they are asked before
 * @param awsAllowed whether {@code aws} is an allowed program (then SSO expiry is watched for)
 * @param gateApprovers cutover.yaml {@code approvers}: team → operators who may sign its gates
 * @param maxParallelJobs how many long-running jobs may be polled in the background at once, or
 *     {@link #SEQUENTIAL} for the strict one-step-at-a-time walk
 */
record EngineSettings(
        Duration pollIntervalOverride,
        Duration pollTimeout,
        List<String> handoffCriteria,
        GateAnchors gates,
        boolean awsAllowed,
        Map<String, List<String>> gateApprovers,
        int maxParallelJobs) {
    /** {@code --sequential}: every job is polled to its end before the next step is asked. */
    static final int SEQUENTIAL = 0;

    EngineSettings {
        if (maxParallelJobs < 0) {
            throw new IllegalArgumentException("maxParallelJobs must be 0 (sequential) or more: " + maxParallelJobs);
        }
        handoffCriteria = List.copyOf(handoffCriteria);
        gateApprovers = Map.copyOf(gateApprovers);
    }
}
