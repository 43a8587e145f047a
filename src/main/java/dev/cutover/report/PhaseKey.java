package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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

    // Written out, with the meaning the record would generate: the generated ones bootstrap through
    // java.lang.runtime.ObjectMethods on first use, about 20 ms of method-handle spinning at the end of every
    // run, where this key is the first record ever hashed (docs/performance.md, session 6).
    @Override
    public boolean equals(Object other) {
        return other instanceof PhaseKey k
                && number == k.number
                && Objects.equals(label, k.label)
                && Objects.equals(plane, k.plane);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, plane, number);
    }
}
