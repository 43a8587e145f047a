package dev.cutover.input;

import java.util.List;

/** One numbered phase of a checklist with its three item sections. */
public record ChecklistPhase(
        int number,
        String name,
        String description,
        List<String> terraformModules,
        Integer estimatedDurationMinutes,
        GoNoGoGate goNoGoGate,
        List<ChecklistItem> preCutover,
        List<ChecklistItem> duringCutover,
        List<ChecklistItem> postCutover) {
    public ChecklistPhase {
        terraformModules = terraformModules == null ? List.of() : List.copyOf(terraformModules);
        preCutover = preCutover == null ? List.of() : List.copyOf(preCutover);
        duringCutover = duringCutover == null ? List.of() : List.copyOf(duringCutover);
        postCutover = postCutover == null ? List.of() : List.copyOf(postCutover);
    }

    /** The items of one section, in file order. */
    public List<ChecklistItem> items(ChecklistSection section) {
        return switch (section) {
            case PRE_CUTOVER -> preCutover;
            case DURING_CUTOVER -> duringCutover;
            case POST_CUTOVER -> postCutover;
        };
    }
}
