package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The thirteen reporting buckets of a cutover, in execution order: CP0..CP6, the handoff, DP1..DP5
 * (FORMATS.md §3.3).
 */
public record PhaseKey(String label, String plane, int number) {
    public static final PhaseKey HANDOFF = new PhaseKey("handoff", "cp", 6);

    /** All buckets in execution order. */
    public static List<PhaseKey> all() {
        ArrayList<PhaseKey> keys = new ArrayList<>();
        for (int n = 0; n <= 6; n++) {
            keys.add(new PhaseKey("CP" + n, "cp", n));
        }
        keys.add(HANDOFF);
        for (int n = 1; n <= 5; n++) {
            keys.add(new PhaseKey("DP" + n, "dp", n));
        }
        return List.copyOf(keys);
    }

    /** The bucket a step belongs to. */
    public static PhaseKey of(ExecutionStep step) {
        if (step.handoff()) {
            return HANDOFF;
        }
        String plane = step.stepId().startsWith("dp-") ? "dp" : "cp";
        return new PhaseKey(plane.toUpperCase(Locale.ROOT) + step.phaseNumber(), plane, step.phaseNumber());
    }
}
