package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.ChecklistSection;
import dev.cutover.input.Plane;

/**
 * One checklist item together with where it sits, so every rule can name the file and JSON pointer of the
 * item it is unhappy with.
 *
 * @param plane the checklist it came from
 * @param phase the phase holding it
 * @param phaseIndex the phase's position in the file's {@code phases} array (pointers use positions)
 * @param section pre, during or post cutover
 * @param index the item's position in its section array
 * @param positionInPhase 1-based position in the phase counting pre, then during, then post (§4.1 seq)
 * @param item the item itself
 */
public record SourceItem(
        Plane plane,
        ChecklistPhase phase,
        int phaseIndex,
        ChecklistSection section,
        int index,
        int positionInPhase,
        ChecklistItem item) {

    /** The checklist file name, e.g. {@code cutover-checklist-data-plane.json}. */
    public String file() {
        return plane.jsonFile();
    }

    /** The JSON pointer of the item, e.g. {@code /phases/3/during_cutover/1}. */
    public String pointer() {
        return "/phases/" + phaseIndex + "/" + section.jsonName() + "/" + index;
    }

    /** The JSON pointer of one field of the item. */
    public String pointer(String field) {
        return pointer() + "/" + field;
    }

    public boolean during() {
        return section == ChecklistSection.DURING_CUTOVER;
    }

    public int phaseNumber() {
        return phase.number();
    }
}
