package dev.cutover.review;

import dev.cutover.input.ChecklistPhase;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import dev.cutover.input.RunDirectory;

/** The {@code file#/json/pointer} subjects findings name when they concern an input rather than a step. */
final class Subjects {
    static final String FREEZE_WINDOWS = Plane.DP.jsonFile() + "#/freeze_windows";
    static final String STAKEHOLDERS = RunDirectory.CONFIG + "#/stakeholders";
    static final String RTO_MINUTES = RunDirectory.CONFIG + "#/rto_minutes";

    private Subjects() {}

    /** A checklist phase, by its position in the file's {@code phases} array. */
    static String phase(Inputs inputs, Plane plane, ChecklistPhase phase) {
        int index = inputs.checklist(plane).phases().indexOf(phase);
        return plane.jsonFile() + "#/phases/" + index;
    }

    static String freezeWindow(int index) {
        return FREEZE_WINDOWS + "/" + index;
    }

    static String datastore(int index) {
        return RunDirectory.DATA_MIGRATION_PLAN + "#/datastores/" + index;
    }

    static String stakeholder(int index) {
        return STAKEHOLDERS + "/" + index;
    }
}
