package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionStepsSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEPS = """
            [
              {
                "step_id": "dp-phase2-030-rds-restore",
                "phase_number": 2,
                "phase_name": "Bulk Transfers",
                "checklist_item_id": "dp-phase2-030-rds-restore",
                "resource_arn": "arn:aws:rds:us-east-1:111111111111:db:prod-orders",
                "resource_type": "AWS::RDS::DBInstance",
                "action": "snapshot-restore",
                "tool": "aws-cli",
                "execute_cmd": "aws rds restore-db-instance-from-db-snapshot --db-instance-identifier prod-orders --profile $MIGRATION_TARGET_PROFILE",
                "verify_cmd": "aws rds describe-db-instances --db-instance-identifier prod-orders --profile $MIGRATION_TARGET_PROFILE",
                "rollback_cmd": "",
                "risk": "high",
                "approval_required": true,
                "preview_cmd": null,
                "verify_success_pattern": "(?i)^available$",
                "requires": ["cp-phase6-999-handoff-to-data-plane"],
                "long_running": true,
                "poll_cmd": "aws rds describe-db-instances --db-instance-identifier prod-orders --output text",
                "poll_interval_seconds": 60,
                "poll_terminal_states": ["available", "failed"],
                "owner_team": "platform",
                "estimated_seconds": 2700,
                "notes": null,
                "plane": "dp",
                "source_section": "during_cutover",
                "operation_type": "snapshot-restore",
                "description": "Restore prod-orders from the shared snapshot.",
                "datastore_arn": "arn:aws:rds:us-east-1:111111111111:db:prod-orders",
                "irreversible": false,
                "runtime_params": ["snapshot-id"],
                "poll_success_states": ["available"],
                "rollback_source": "none",
                "rollback_window_minutes": null
              },
              {
                "step_id": "cp-phase6-999-handoff-to-data-plane",
                "phase_number": 6,
                "phase_name": "Control Plane Validation",
                "checklist_item_id": "handoff_to_data_plane",
                "resource_arn": "target:handoff:data-plane",
                "resource_type": "Migration::ManualStep",
                "action": "manual-decision",
                "tool": "human",
                "execute_cmd": "true",
                "verify_cmd": "true",
                "rollback_cmd": "",
                "risk": "low",
                "approval_required": true,
                "preview_cmd": null,
                "verify_success_pattern": null,
                "requires": [],
                "long_running": false,
                "poll_cmd": null,
                "poll_interval_seconds": null,
                "poll_terminal_states": [],
                "owner_team": null,
                "estimated_seconds": 0,
                "notes": "MANUAL: confirm the data-plane IAM policy is attached",
                "plane": "cp",
                "source_section": "synthesized",
                "operation_type": null,
                "description": "Hand off to the data plane.",
                "datastore_arn": null,
                "irreversible": false,
                "runtime_params": [],
                "poll_success_states": [],
                "rollback_source": "none",
                "rollback_window_minutes": null
              }
            ]
            """;

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void acceptsAHandWrittenValidPlan() throws Exception {
        assertThat(validator.validateSteps(JSON.readTree(STEPS))).isEmpty();
    }

    @Test
    void requiresExactlyTheKeysOfExecutionStep() throws Exception {
        ObjectNode step = (ObjectNode) JSON.readTree(STEPS).get(0);
        List<String> keys = new ArrayList<>();
        step.fieldNames().forEachRemaining(keys::add);

        String[] order =
                ExecutionStep.class.getAnnotation(JsonPropertyOrder.class).value();
        assertThat(keys).containsExactly(order);
        assertThat(schemaRequired()).containsExactly(order);
    }

    @Test
    void rejectsAStepMissingAKey() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(1)).remove("rollback_source");

        assertThat(validator.validateSteps(steps))
                .containsExactly(new Problem(
                        RunDirectory.STEPS,
                        "/1",
                        "missing required field `rollback_source`",
                        "add the field `rollback_source`"));
    }

    @Test
    void rejectsAStepWithAnExtraKey() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(0)).put("status", "done");

        List<Problem> problems = validator.validateSteps(steps);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/0/status");
            assertThat(p.message()).isEqualTo("unknown field `status`");
        });
    }

    @Test
    void rejectsAStepIdOutsideTheCpDpPattern() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(0)).put("step_id", "phase2-030-rds-restore");
        ((ArrayNode) steps.get(0).get("requires")).add("dp-phase7-010-x");

        assertThat(validator.validateSteps(steps))
                .extracting(Problem::pointer, Problem::fix)
                .containsExactly(
                        tuple("/0/requires/1", "match " + ExecutionStep.STEP_ID.pattern()),
                        tuple("/0/step_id", "match " + ExecutionStep.STEP_ID.pattern()));
    }

    @Test
    void rejectsAStepThatDoesNotRequireApproval() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(1)).put("approval_required", false);

        assertThat(validator.validateSteps(steps))
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/1/approval_required", "must be true"));
    }

    @Test
    void rejectsALongRunningStepWithoutAPollCommand() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(0)).putNull("poll_cmd");
        ((ObjectNode) steps.get(0)).put("poll_interval_seconds", 5);

        assertThat(validator.validateSteps(steps))
                .extracting(Problem::pointer)
                .containsExactly("/0/poll_cmd", "/0/poll_interval_seconds");
    }

    @Test
    void rejectsAHumanStepThatWouldRunACommand() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(1)).put("execute_cmd", "kubectl rollout restart deploy/orders");

        assertThat(validator.validateSteps(steps))
                .extracting(Problem::pointer, Problem::fix)
                .containsExactly(tuple("/1/execute_cmd", "set it to \"true\""));
    }

    @Test
    void rejectsUnknownActionsAndTools() throws Exception {
        ArrayNode steps = (ArrayNode) JSON.readTree(STEPS);
        ((ObjectNode) steps.get(0)).put("action", "dms-create-replication-task");
        ((ObjectNode) steps.get(0)).put("tool", "kubectl");

        assertThat(validator.validateSteps(steps)).extracting(Problem::pointer).containsExactly("/0/action", "/0/tool");
    }

    private static List<String> schemaRequired() throws Exception {
        JsonNode schema;
        try (var in =
                ExecutionStepsSchemaTest.class.getResourceAsStream(CutoverSchema.EXECUTION_STEPS.resourcePath())) {
            schema = JSON.readTree(in);
        }
        List<String> required = new ArrayList<>();
        schema.at("/$defs/step/required").forEach(n -> required.add(n.asText()));
        return required;
    }
}
