package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan's step dependency graph as a Mermaid flowchart: one subgraph per phase bucket, one node
 * per step, one edge per {@code requires} entry (from the required step to the step that needs it).
 *
 * <p>Nodes get short generated ids ({@code s1}, {@code s2}, …) because step ids contain hyphens, which
 * Mermaid can confuse with edge syntax; the step id is the node label.
 */
public final class MermaidGraph {
    private MermaidGraph() {}

    public static String render(Plan plan) {
        Map<String, String> nodeIds = new HashMap<>();
        Map<PhaseKey, List<ExecutionStep>> byPhase = new LinkedHashMap<>();
        PhaseKey.all().forEach(k -> byPhase.put(k, new ArrayList<>()));
        int n = 0;
        for (ExecutionStep s : plan.steps()) {
            nodeIds.put(s.stepId(), "s" + (++n));
            byPhase.get(PhaseKey.of(s)).add(s);
        }
        StringBuilder out = new StringBuilder("flowchart TD\n");
        byPhase.forEach((key, steps) -> {
            if (steps.isEmpty()) {
                return;
            }
            out.append("  subgraph ").append(key.label()).append('\n');
            for (ExecutionStep s : steps) {
                out.append("    ")
                        .append(nodeIds.get(s.stepId()))
                        .append(shape(s))
                        .append('\n');
            }
            out.append("  end\n");
        });
        for (ExecutionStep s : plan.steps()) {
            for (String required : s.requires()) {
                String from = nodeIds.get(required);
                if (from != null) {
                    out.append("  ")
                            .append(from)
                            .append(" --> ")
                            .append(nodeIds.get(s.stepId()))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String shape(ExecutionStep s) {
        String label = "\"" + escape(s.stepId()) + "<br/>" + escape(s.action()) + marks(s) + "\"";
        // Human steps are drawn as rounded nodes, irreversible ones as hexagons, the rest as boxes.
        if (s.irreversible()) {
            return "{{" + label + "}}";
        }
        return s.human() ? "(" + label + ")" : "[" + label + "]";
    }

    private static String marks(ExecutionStep s) {
        StringBuilder m = new StringBuilder();
        if (s.longRunning()) {
            m.append(" (long-running)");
        }
        if (s.irreversible()) {
            m.append(" IRREVERSIBLE");
        }
        return m.toString();
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
