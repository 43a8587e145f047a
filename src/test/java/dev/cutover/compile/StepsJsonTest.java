package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsJsonTest {
    @Test
    void writesLfTwoSpaceIndentOneSpaceAfterColonAndTrailingNewline() {
        String text = new String(StepsJson.write(Compiles.complete().steps()), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("[\n  {\n    \"step_id\": \"")
                .endsWith("}\n]\n")
                .doesNotContain("\r");
        assertThat(text).doesNotContain(" :").contains("\"requires\": []").contains("\"preview_cmd\": null");
    }

    @Test
    void writesEveryKeyInDeclaredOrder() {
        String text =
                new String(StepsJson.write(List.of(Compiles.complete().steps().get(0))), StandardCharsets.UTF_8);
        String[] keys = {
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
        };
        int last = -1;
        for (String key : keys) {
            int at = text.indexOf("\"" + key + "\": ");
            assertThat(at).as(key).isGreaterThan(last);
            last = at;
        }
    }

    @Test
    void readRoundTripsTheWrittenSteps() {
        List<ExecutionStep> steps = Compiles.complete().steps();
        byte[] bytes = StepsJson.write(steps);
        assertThat(StepsJson.read(bytes)).isEqualTo(steps);
        assertThat(StepsJson.write(StepsJson.read(bytes))).isEqualTo(bytes);
    }

    @Test
    void readRejectsSomethingThatIsNotAPlan() {
        assertThatThrownBy(() -> StepsJson.read("{\"step_id\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CutoverException.class);
        assertThatThrownBy(() -> StepsJson.read("[{\"bogus\": 1}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CutoverException.class);
    }
}
