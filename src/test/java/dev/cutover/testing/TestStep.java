package dev.cutover.testing;

import dev.cutover.compile.ExecutionStep;
import java.util.List;

/**
 * A hand-built plan step for tests of rules over compiled steps (reports, the point of no return, the window
 * estimate): only what those rules look at varies, the rest is fixed. Plane and phase come from the id.
 */
public record TestStep(
        String id,
        String action,
        String tool,
        boolean longRunning,
        boolean irreversible,
        List<String> requires,
        String rollback,
        int minutes) {

    public static TestStep step(String id) {
        return new TestStep(id, "aws-cli", "aws-cli", false, false, List.of(), "", 0);
    }

    /** The synthesized handoff step, requiring {@code requires}. */
    public static ExecutionStep handoff(String... requires) {
        return step(ExecutionStep.HANDOFF_STEP_ID)
                .withAction("manual-decision")
                .withTool("human")
                .requires(requires)
                .build();
    }

    public TestStep withAction(String value) {
        return new TestStep(id, value, tool, longRunning, irreversible, requires, rollback, minutes);
    }

    public TestStep withTool(String value) {
        return new TestStep(id, action, value, longRunning, irreversible, requires, rollback, minutes);
    }

    public TestStep polled() {
        return new TestStep(id, action, tool, true, irreversible, requires, rollback, minutes);
    }

    public TestStep markedIrreversible() {
        return new TestStep(id, action, tool, longRunning, true, requires, rollback, minutes);
    }

    public TestStep requires(String... ids) {
        return new TestStep(id, action, tool, longRunning, irreversible, List.of(ids), rollback, minutes);
    }

    public TestStep withRollback(String command) {
        return new TestStep(id, action, tool, longRunning, irreversible, requires, command, minutes);
    }

    /** The step's time box. */
    public TestStep takes(int value) {
        return new TestStep(id, action, tool, longRunning, irreversible, requires, rollback, value);
    }

    public ExecutionStep build() {
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
                rollback,
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
                minutes * 60,
                null,
                plane,
                "during_cutover",
                action,
                "test step " + id,
                null,
                irreversible,
                List.of(),
                List.of(),
                rollback.isEmpty() ? "none" : "test",
                null);
    }
}
