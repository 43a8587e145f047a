package dev.cutover.engine.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import java.nio.file.Path;

/**
 * The demo with its bulk copy as a job whose ids and states are scripted, for resume tests: the execute copies
 * synchronously, counts its starts in {@code service/starts.log} and prints the id the engine captures
 * ({@code job-7}); the poll records which id it was asked about in {@code service/polled-ids} and prints the next
 * line of {@code service/poll-states} (RUNNING, then SUCCESS).
 */
final class JobDemo {
    static final String STEP = "dp-phase2-010-copy-data";

    private static final String START_JOB = """
            echo started >> service/starts.log
            cp -R service/source/demo-data/. service/target/demo-data/
            echo '{"JobId":"job-7"}'
            """;
    private static final String POLL_JOB = """
            echo "$1" >> service/polled-ids
            f=service/poll-states
            line=$(head -n 1 "$f")
            tail -n +2 "$f" > "$f.next" && mv "$f.next" "$f"
            echo "\\"$line\\""
            """;

    private JobDemo() {}

    /** The run directory, not run yet: add files or edits before {@link #completed}. */
    static Scenario prepared(Path tmp) {
        return Scenario.demo(tmp)
                .file("service/start-job.sh", START_JOB)
                .file("service/poll-job.sh", POLL_JOB)
                .file("service/poll-states", "RUNNING\nSUCCESS\n")
                .editItem(
                        STEP,
                        i -> i.put("command", "bash service/start-job.sh")
                                .put("poll_cmd", "bash service/poll-job.sh {job-id}"));
    }

    /** Runs {@code s} to completion, every prompt approved. */
    static Scenario completed(Scenario s) {
        RunOutcome first = s.run(new ScriptedApprover());
        assertThat(first.verdict()).as(first.output()).isEqualTo("completed");
        return s;
    }
}
