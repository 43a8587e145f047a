package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
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

    @Test
    void readRefusesWhatWriteNeverWritesNamingTheStepAndKey() {
        String valid = new String(StepsJson.write(List.of(awkwardStep())), StandardCharsets.UTF_8);
        // Each edit of the one valid step, and what the refusal must name.
        List<List<String>> cases = List.of(
                List.of(
                        "\"phase_number\": 4",
                        "\"phase_number\": null",
                        "step 0",
                        "`phase_number` must be a whole number"),
                List.of("\"phase_number\": 4", "\"phase_number\": 4.0", "`phase_number` must be a whole number"),
                List.of("\"phase_number\": 4", "\"phase_number\": 3000000000", "`phase_number` must be a whole number"),
                List.of("\"risk\": \"high\"", "\"risk\": 7", "`risk` must be a string or null"),
                List.of("\"long_running\": true", "\"long_running\": \"yes\"", "`long_running` must be true or false"),
                List.of("\"requires\": []", "\"requires\": [ 1 ]", "`requires` must be an array of strings"),
                List.of("\"risk\": \"high\"", "\"risk\": \"high\",\n    \"risk\": \"low\"", "key `risk` appears twice"),
                List.of("\"risk\": \"high\"", "\"risk\": \"high\",\n    \"bogus\": 1", "unknown key `bogus`"),
                List.of("\"verify_cmd\": \"true\"", "\"verify_cmd\": null", "`verify_cmd` is missing or null"),
                List.of("\"step_id\": \"dp-phase4-040-switch-dns\",", "", "`step_id` is missing or null"));
        for (List<String> c : cases) {
            assertThat(valid).contains(c.get(0));
            byte[] edited = valid.replace(c.get(0), c.get(1)).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> StepsJson.read(edited))
                    .as(c.get(1))
                    .isInstanceOfSatisfying(
                            CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STEPS_FILE_INVALID))
                    .hasMessageContainingAll(c.subList(2, c.size()).toArray(String[]::new));
        }
        assertThatThrownBy(() -> StepsJson.read((valid + "[]").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("after the array");
    }

    @Test
    void readMakesWhatDataBindingMade() throws Exception {
        // The reader used to be Jackson data binding over the record; every plan written by write() must read
        // back into the same records it made (the complete fixture's, a step of awkward values, none).
        for (List<ExecutionStep> steps :
                List.of(Compiles.complete().steps(), List.of(awkwardStep()), List.<ExecutionStep>of())) {
            byte[] bytes = StepsJson.write(steps);
            assertThat(StepsJson.read(bytes)).isEqualTo(dataBoundRead(bytes)).isEqualTo(steps);
        }
    }

    @Test
    void writesExactlyWhatDataBindingWrote() throws Exception {
        // The writer used to be Jackson data binding over the record; the plans that existed then must come out
        // byte for byte the same (the complete fixture's, a step of awkward values, none).
        ExecutionStep awkward = awkwardStep();
        List<List<ExecutionStep>> plans = List.of(Compiles.complete().steps(), List.of(awkward), List.of());
        for (List<ExecutionStep> steps : plans) {
            assertThat(new String(StepsJson.write(steps), StandardCharsets.UTF_8))
                    .isEqualTo(new String(dataBound(steps), StandardCharsets.UTF_8));
        }
    }

    /** A step of awkward values: quotes, control characters, unicode, nulls, empty lists, extreme numbers. */
    static ExecutionStep awkwardStep() {
        return new ExecutionStep(
                "dp-phase4-040-switch-dns",
                4,
                "Cut \"over\" — ünïcode\tand\nnewlines",
                null,
                null,
                null,
                "apply",
                null,
                "echo '\\u0000 </script>' \\\n  && true",
                "true",
                "",
                "high",
                true,
                null,
                "^ok\\s+$",
                null,
                true,
                "cat state",
                null,
                null,
                null,
                0,
                "\u0001 control",
                "dp",
                null,
                null,
                "",
                null,
                true,
                List.of("job-id", "export-arn"),
                List.of(),
                null,
                Integer.MAX_VALUE);
    }

    /** What read() made before it was written by hand. */
    private static List<ExecutionStep> dataBoundRead(byte[] bytes) throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        return mapper.readValue(bytes, new TypeReference<List<ExecutionStep>>() {});
    }

    /** What write() produced before it was written by hand. */
    private static byte[] dataBound(List<ExecutionStep> steps) throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
        String json = mapper.writer(StepsJson.printer())
                .forType(new TypeReference<List<ExecutionStep>>() {})
                .writeValueAsString(steps);
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
