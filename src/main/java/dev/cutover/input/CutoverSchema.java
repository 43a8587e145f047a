package dev.cutover.input;

/** The JSON Schemas Cutover ships under {@code /schemas/} on the class path, one per validated file. */
public enum CutoverSchema {
    CONTROL_PLANE_CHECKLIST("cutover-checklist-control-plane.schema.json"),
    DATA_PLANE_CHECKLIST("cutover-checklist-data-plane.schema.json"),
    DATA_MIGRATION_PLAN("data-migration-plan.schema.json"),
    MIGRATION_PLAN("migration-plan.schema.json"),
    DEPENDENCY_GRAPH("dependency-graph.schema.json"),
    HARDCODED_VALUES("hardcoded-values.schema.json"),
    RESOURCE_OWNERSHIP("resource-ownership.schema.json"),
    EXECUTION_STEPS("execution-steps.schema.json"),
    RUN_CONFIG("cutover.schema.json"),
    ORG_ENVIRONMENTS("environments.schema.json");

    private final String resourceName;

    CutoverSchema(String resourceName) {
        this.resourceName = resourceName;
    }

    /** The schema's file name, e.g. {@code migration-plan.schema.json}. */
    public String resourceName() {
        return resourceName;
    }

    /** The class-path location of the schema. */
    public String resourcePath() {
        return "/schemas/" + resourceName;
    }
}
