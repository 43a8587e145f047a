package dev.cutover.input;

import java.util.Optional;

/**
 * The nine input files of a run directory (FORMATS.md §1) in the fixed order problems are reported in:
 * the two JSON checklists, the plans and graph, then the two signed Markdown checklists.
 */
public enum InputFile {
    CONTROL_PLANE_CHECKLIST(Plane.CP.jsonFile(), CutoverSchema.CONTROL_PLANE_CHECKLIST),
    DATA_PLANE_CHECKLIST(Plane.DP.jsonFile(), CutoverSchema.DATA_PLANE_CHECKLIST),
    DATA_MIGRATION_PLAN(RunDirectory.DATA_MIGRATION_PLAN, CutoverSchema.DATA_MIGRATION_PLAN),
    MIGRATION_PLAN(RunDirectory.MIGRATION_PLAN, CutoverSchema.MIGRATION_PLAN),
    DEPENDENCY_GRAPH(RunDirectory.DEPENDENCY_GRAPH, CutoverSchema.DEPENDENCY_GRAPH),
    HARDCODED_VALUES(RunDirectory.HARDCODED_VALUES, CutoverSchema.HARDCODED_VALUES),
    RESOURCE_OWNERSHIP(RunDirectory.RESOURCE_OWNERSHIP, CutoverSchema.RESOURCE_OWNERSHIP),
    CONTROL_PLANE_MARKDOWN(Plane.CP.markdownFile(), null),
    DATA_PLANE_MARKDOWN(Plane.DP.markdownFile(), null);

    private final String fileName;
    private final CutoverSchema schema;

    InputFile(String fileName, CutoverSchema schema) {
        this.fileName = fileName;
        this.schema = schema;
    }

    /** The file name relative to the run directory. */
    public String fileName() {
        return fileName;
    }

    /** The schema a JSON input is validated against; empty for the Markdown checklists. */
    public Optional<CutoverSchema> schema() {
        return Optional.ofNullable(schema);
    }

    public boolean isJson() {
        return schema != null;
    }

    /** The input with this file name, if it is one. */
    public static Optional<InputFile> byFileName(String fileName) {
        for (InputFile f : values()) {
            if (f.fileName.equals(fileName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
