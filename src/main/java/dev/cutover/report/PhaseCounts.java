package dev.cutover.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step counts per reporting bucket, every one of the thirteen buckets present in execution order (empty
 * ones as zero rows), so the table's shape never depends on the plan.
 *
 * @param rows bucket ⇒ counts, in the order of {@link PhaseKey#all()}
 */
public record PhaseCounts(Map<PhaseKey, StepCounts> rows) {
    public PhaseCounts {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Groups outcomes by {@link PhaseKey#of}. */
    public static PhaseCounts of(List<StepOutcome> outcomes) {
        Map<PhaseKey, List<StepOutcome>> groups = new LinkedHashMap<>();
        PhaseKey.all().forEach(k -> groups.put(k, new ArrayList<>()));
        // A bucket outside the thirteen cannot come from a valid plan; keep it rather than lose steps.
        outcomes.forEach(
                o -> groups.computeIfAbsent(o.phase(), k -> new ArrayList<>()).add(o));
        Map<PhaseKey, StepCounts> rows = new LinkedHashMap<>();
        groups.forEach((k, v) -> rows.put(k, StepCounts.of(v)));
        return new PhaseCounts(rows);
    }

    /** The table in GitHub Markdown, with a total row; pending includes in-flight steps. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| Phase | Succeeded | Skipped | Failed | Blocked | Pending | Total |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        StepCounts total = new StepCounts(0, 0, 0, 0, 0, 0);
        for (Map.Entry<PhaseKey, StepCounts> row : rows.entrySet()) {
            row(md, row.getKey().label(), row.getValue());
            total = total.plus(row.getValue());
        }
        row(md, "**Total**", total);
        return md.toString();
    }

    private static void row(StringBuilder md, String label, StepCounts c) {
        md.append("| ").append(label);
        for (int n : new int[] {c.succeeded(), c.skipped(), c.failed(), c.blocked(), c.pendingWithInFlight()}) {
            md.append(" | ").append(n);
        }
        md.append(" | ").append(c.total()).append(" |\n");
    }
}
