package dev.cutover.compile;

import dev.cutover.input.Checklist;
import dev.cutover.input.ChecklistItem;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.ChecklistSection;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every item of both checklists in canonical order (FORMATS.md §4.1): plane cp before dp, phase number,
 * section pre &lt; during &lt; post, array index. Phases keep their file position for JSON pointers.
 */
final class ChecklistItems {
    private ChecklistItems() {}

    static List<SourceItem> collect(Inputs inputs) {
        List<SourceItem> items = new ArrayList<>();
        for (Plane plane : Plane.values()) {
            Checklist checklist = inputs.checklist(plane);
            List<Integer> byNumber = new ArrayList<>();
            for (int i = 0; i < checklist.phases().size(); i++) {
                byNumber.add(i);
            }
            byNumber.sort(Comparator.comparingInt(i -> checklist.phases().get(i).number()));
            for (int phaseIndex : byNumber) {
                addPhase(items, plane, checklist.phases().get(phaseIndex), phaseIndex);
            }
        }
        return items;
    }

    private static void addPhase(List<SourceItem> items, Plane plane, ChecklistPhase phase, int phaseIndex) {
        int position = 0;
        for (ChecklistSection section : ChecklistSection.values()) {
            List<ChecklistItem> sectionItems = phase.items(section);
            for (int i = 0; i < sectionItems.size(); i++) {
                position++;
                items.add(new SourceItem(plane, phase, phaseIndex, section, i, position, sectionItems.get(i)));
            }
        }
    }
}
