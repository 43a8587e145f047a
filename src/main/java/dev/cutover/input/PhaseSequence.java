package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The phase lists of the two checklists and the migration plan (FORMATS.md §2 (R)): phase {@code first + i}
 * sits at position {@code i}, so each number appears once and in order, and carries the name listed for it.
 *
 * @param first the number of the first phase (0 on the control plane, else 1)
 * @param names the phase names in number order
 */
record PhaseSequence(int first, List<String> names) {
    static final PhaseSequence CONTROL_PLANE = new PhaseSequence(
            0,
            List.of(
                    "Globals",
                    "Networking",
                    "Storage Containers",
                    "Database Containers",
                    "Compute Containers",
                    "DNS Scaffolding",
                    "Control Plane Validation"));
    static final PhaseSequence DATA_PLANE = new PhaseSequence(
            1, List.of("Pre-Staging", "Bulk Transfers", "Application Data", "Cutover", "Data Validation"));
    static final PhaseSequence MIGRATION_PLAN = new PhaseSequence(
            1, List.of("Networking", "Storage", "Databases", "Applications", "DNS Cutover", "Validation"));

    /** Which inputs carry which phase sequence. */
    static final Map<InputFile, PhaseSequence> BY_FILE = Map.of(
            InputFile.CONTROL_PLANE_CHECKLIST, CONTROL_PLANE,
            InputFile.DATA_PLANE_CHECKLIST, DATA_PLANE,
            InputFile.MIGRATION_PLAN, MIGRATION_PLAN);

    PhaseSequence {
        names = List.copyOf(names);
    }

    int last() {
        return first + names.size() - 1;
    }

    /**
     * Problems with the order, uniqueness and names of {@code root}'s phases. Values of the wrong type or out
     * of range are left to the schema, which already reports them.
     */
    List<Problem> check(String file, JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        JsonNode phases = root.path("phases");
        for (int i = 0; phases.isArray() && i < Math.min(phases.size(), names.size()); i++) {
            JsonNode number = phases.get(i).path("number");
            if (!number.canConvertToExactIntegral() || !number.canConvertToInt()) {
                continue;
            }
            int n = number.asInt();
            String at = "/phases/" + i;
            if (n != first + i) {
                problems.add(outOfOrder(file, at, i, n));
            }
            JsonNode name = phases.get(i).path("name");
            if (n >= first
                    && n <= last()
                    && names.contains(name.asText())
                    && !name.asText().equals(nameOf(n))) {
                problems.add(new Problem(
                        file,
                        at + "/name",
                        "phase " + n + " is named `" + name.asText() + "` but phase " + n + " must be `" + nameOf(n)
                                + "`",
                        "rename it to `" + nameOf(n) + "`, or give the phase the number that goes with its name"));
            }
        }
        return problems;
    }

    private Problem outOfOrder(String file, String at, int index, int found) {
        int wanted = first + index;
        return new Problem(
                file,
                at + "/number",
                "phase number " + found + " at position " + (index + 1) + " where phase " + wanted + " belongs; phases "
                        + first + ".." + last() + " must each appear once, in order",
                "make this phase number " + wanted + " (`" + nameOf(wanted) + "`) or move it to its place");
    }

    private String nameOf(int number) {
        return names.get(number - first);
    }
}
