package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepsDiffTest {
    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheFirstChangedStepAndField() {
        byte[] stored = json("[{\"step_id\":\"a\",\"execute_cmd\":\"true\"},{\"step_id\":\"b\",\"risk\":\"low\"}]");
        byte[] now = json("[{\"step_id\":\"a\",\"execute_cmd\":\"true\"},{\"step_id\":\"b\",\"risk\":\"high\"}]");

        assertThat(StepsDiff.firstDifference(stored, now)).hasValue("step 2 (b): risk was \"low\", now \"high\"");
    }

    @Test
    void reportsAChangedStepCountAndEqualDocuments() {
        byte[] one = json("[{\"step_id\":\"a\"}]");
        byte[] two = json("[{\"step_id\":\"a\"},{\"step_id\":\"b\"}]");

        assertThat(StepsDiff.firstDifference(one, two))
                .hasValue("the stored plan has 1 steps, the inputs now compile to 2");
        assertThat(StepsDiff.firstDifference(one, json("[ {\"step_id\" : \"a\"} ]")))
                .isEmpty();
    }

    @Test
    void aStoredFileThatIsNotJsonIsSaidSo() {
        assertThat(StepsDiff.firstDifference(json("[{"), json("[]")))
                .get()
                .asString()
                .contains("not valid JSON");
    }
}
