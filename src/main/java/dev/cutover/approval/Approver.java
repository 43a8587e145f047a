package dev.cutover.approval;

/**
 * The port through which the engine asks a human (or, in rehearsals, a script) every question of a run;
 * an implementation returns an allowed answer or throws, and never answers by default.
 */
public interface Approver {

    /**
     * Asks one question and returns the operator's answer, which is always one of {@link Question#choices()}
     * or, for a parameter, a value the question's {@link ParamRule} accepts.
     *
     * @throws dev.cutover.error.CutoverException when no answer can be obtained; the run must halt
     */
    Answer ask(Question question);
}
