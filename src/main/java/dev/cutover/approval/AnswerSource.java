package dev.cutover.approval;

/** Where an answer came from, so the journal can tell a human decision from a scripted one. */
public enum AnswerSource {
    /** Typed by the operator on the controlling terminal. */
    TERMINAL,
    /** Taken from a rule of an {@code --answers} file (rehearsals and tests only). */
    ANSWERS_FILE
}
