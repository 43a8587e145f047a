package dev.cutover.engine;

import dev.cutover.input.GoNoGoGate;
import java.util.List;
import java.util.Map;

/**
 * What the walk needs from the inputs and configuration besides the steps.
 *
 * @param pollIntervalOverride {@code poll_interval_seconds} from cutover.yaml, or null to use each step's
 * @param handoffCriteria the control plane's {@code handoff_to_data_plane.criteria}
 * @param gates go/no-go gates by phase bucket key ({@code cp6}, {@code dp4}, …)
 * @param awsAllowed whether {@code aws} is an allowed program (then SSO expiry is watched for)
 * @param gateApprovers cutover.yaml {@code approvers}: team → operators who may sign its gates
 */
record EngineSettings(
        Integer pollIntervalOverride,
        List<String> handoffCriteria,
        Map<String, GoNoGoGate> gates,
        boolean awsAllowed,
        Map<String, List<String>> gateApprovers) {
    EngineSettings {
        handoffCriteria = List.copyOf(handoffCriteria);
        gates = Map.copyOf(gates);
        gateApprovers = Map.copyOf(gateApprovers);
    }
}
