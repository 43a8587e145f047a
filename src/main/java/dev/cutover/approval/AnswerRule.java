package dev.cutover.approval;

import java.util.Objects;

/**
 * One well-formed line of an answers file; public so that a caller with stricter rules for the file (the pipeline
 * approvals, docs/environments.md) can check each line it will be answered from.
 *
 * @param line 1-based line number in the file
 * @param prompt the prompt's wire name, e.g. {@code approve} or {@code param:hosted-zone-id}
 * @param glob which step ids the rule covers
 * @param answer a choice wire name, or the value for a {@code param:} prompt
 */
public record AnswerRule(int line, String prompt, StepGlob glob, String answer) {
    public AnswerRule {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(answer, "answer");
    }

    /** Same prompt and the glob covers the question's step; whether the answer is allowed is not checked. */
    boolean covers(Question question) {
        return prompt.equals(question.wireName()) && glob.matches(question.stepId());
    }
}
