package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.List;

/** A hand-built plan step for report tests: only what reports look at varies, the rest is fixed. */
record TestStep(
        String id, String action, String tool, boolean longRunning, boolean irreversible, List<String> requires) {

    static TestStep step(String id) {
        return new TestStep(id, "aws-cli", "aws-cli", false, false, List.of());
    }

    static ExecutionStep handoff(String... requires) {
        return step(ExecutionStep.HANDOFF_STEP_ID)
                .withAction("manual-decision")
                .withTool("human")
                .requires(requires)
                .build();
    }

    TestStep withAction(String value) {
        return new TestStep(id, value, tool, longRunning, irreversible, requires);
    }

    TestStep withTool(String value) {
        return new TestStep(id, action, value, longRunning, irreversible, requires);
    }

    TestStep polled() {
        return new TestStep(id, action, tool, true, irreversible, requires);
    }

    TestStep markedIrreversible() {
        return new TestStep(id, action, tool, longRunning, true, requires);
    }

    TestStep requires(String... ids) {
        return new TestStep(id, action, tool, longRunning, irreversible, List.of(ids));
    }

    ExecutionStep build() {
        int phase = id.charAt("cp-phase".length()) - '0';
        String plane = id.substring(0, 2);
        return new ExecutionStep(
                id,
                phase,
                "Phase " + phase,
                id,
                "target:checklist:" + id,
                "Migration::ManualStep",
                action,
                tool,
                "true",
                "true",
                "",
                "low",
                true,
                null,
                null,
                requires,
                longRunning,
                longRunning ? "echo RUNNING" : null,
                longRunning ? 60 : null,
                List.of(),
                "platform",
                0,
                null,
                plane,
                "during_cutover",
                action,
                "test step " + id,
                null,
                irreversible,
                List.of(),
                List.of(),
                "none",
                null);
    }
}
