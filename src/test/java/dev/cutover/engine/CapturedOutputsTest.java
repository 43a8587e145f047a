package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedOutputsTest {
    @Test
    void capturesTheIdsOfAJsonObjectEvenAfterLeadingWhitespace() {
        assertThat(CapturedOutputs.capture(
                        "\n  {\"TaskExecutionArn\": \"arn:aws:datasync:eu-west-1:1:task/t-1/execution/e-1\","
                                + " \"JobId\": \"job-42\"}\n"))
                .containsExactly(
                        Map.entry("job-id", "job-42"),
                        Map.entry("task-execution-arn", "arn:aws:datasync:eu-west-1:1:task/t-1/execution/e-1"));
    }

    @Test
    void outputThatIsNotAJsonObjectCapturesNothing() {
        assertThat(CapturedOutputs.capture(null)).isEmpty();
        assertThat(CapturedOutputs.capture("")).isEmpty();
        assertThat(CapturedOutputs.capture("JobId: job-42\n")).isEmpty();
        assertThat(CapturedOutputs.capture("[{\"JobId\": \"job-42\"}]")).isEmpty();
        assertThat(CapturedOutputs.capture("{\"JobId\": \"job-42\"")).isEmpty();
    }

    @Test
    void anUnsafeValueIsLeftForTheOperator() {
        assertThat(CapturedOutputs.capture("{\"JobId\": \"job-42; rm -rf /\"}")).isEmpty();
    }
}
