package dev.cutover.engine.walk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.testing.Scenario;
import java.nio.file.Path;

/**
 * The demo with its bulk copy ({@value #STEP}) made a plain step whose execute counts its attempts
 * ({@code service/attempt-<n>}) and whose verify the test chooses, and a rollback that leaves a marker.
 */
final class FailingStep {
    static final String STEP = "dp-phase2-010-copy-data";
    static final String ROLLBACK_MARKER = "service/rolled-back";
    static final String ROLLBACK =
            "touch " + ROLLBACK_MARKER + " && rm -rf service/target/demo-data && mkdir service/target/demo-data";
    /** The steps that require the copy, directly or through each other. */
    static final String[] DEPENDENTS = {
        "dp-phase4-010-freeze-source",
        "dp-phase4-020-final-delta",
        "dp-phase4-030-switch-live",
        "dp-phase4-090-release-freeze",
        "dp-phase5-090-verify-checksums"
    };

    private static final String COUNTING_COPY = """
            n=$(( $(cat service/attempts 2>/dev/null || echo 0) + 1 ))
            echo "$n" > service/attempts
            touch "service/attempt-$n"
            cp -R service/source/demo-data/. service/target/demo-data/
            """;

    private FailingStep() {}

    /** The copy step verifies with {@code verify} and rolls back with {@code rollback}. */
    static Scenario scenario(Path tmp, String verify, String rollback) {
        return Scenario.demo(tmp)
                .file("service/copy.sh", COUNTING_COPY)
                .editItem(STEP, i -> {
                    i.put("long_running", false);
                    i.remove("poll_cmd");
                    i.putArray("poll_terminal_states");
                    i.put("command", "bash service/copy.sh");
                    i.put("verification_command", verify);
                })
                .editJson("migration-plan.json", plan -> rollbackOfPhase(plan, 2, rollback));
    }

    static void rollbackOfPhase(ObjectNode plan, int phase, String rollback) {
        for (var p : plan.path("phases")) {
            if (p.path("number").asInt() == phase) {
                ArrayNode steps = ((ObjectNode) p.path("rollback")).putArray("steps");
                steps.add(rollback);
            }
        }
    }
}
