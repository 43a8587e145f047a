package dev.cutover.approval;

/** Where an answer came from, so the journal can tell a human decision from a scripted one. */
public enum AnswerSource {
    /** Typed by the operator on the controlling terminal. */
    TERMINAL,
    /** Taken from a rule of an {@code --answers} file (rehearsals and tests only). */
    ANSWERS_FILE,
    /**
     * Approved automatically by the approval mode the run asked for and its environment class allows
     * (docs/environments.md); never a manual, destructive or run-level decision.
     */
    POLICY
}
