package dev.cutover.compile;

/**
 * One row of the FORMATS.md §4.2 table: what a checklist {@code operation_type} compiles to.
 *
 * @param action the step action
 * @param automatedTool the tool when the execute command is an {@code aws} command
 * @param longRunningDefault whether the step polls when the item has no {@code long_running} flag
 */
record OperationType(String action, String automatedTool, boolean longRunningDefault) {
    static final String MANUAL_DECISION = "manual-decision";
    static final String VERIFY_ONLY = "verify-only";
    static final String HUMAN = "human";

    /** Whether the action itself is performed by a person, whatever command the item carries. */
    boolean humanByAction() {
        return HUMAN.equals(automatedTool);
    }
}
