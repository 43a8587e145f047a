package dev.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.CapturedIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedOutputsTest {
    @Test
    void plansAndRunbooksKnowExactlyTheNamesCapturedHere() {
        assertThat(CapturedOutputs.names()).containsExactly("export-arn", "import-arn", "job-id", "task-execution-arn");
        assertThat(CapturedOutputs.names()).allMatch(CapturedIds::isCaptured);
        assertThat(CapturedIds.captured(
                        List.of("snapshot-id", "job-id", "export-arn", "import-arn", "task-execution-arn")))
                .containsExactlyInAnyOrderElementsOf(CapturedOutputs.names());
    }

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
