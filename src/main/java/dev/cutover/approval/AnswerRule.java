package dev.cutover.approval;

import java.util.Objects;
import java.util.Optional;

/**
 * One well-formed line of an answers file; public so that a caller with stricter rules for the file (the pipeline
 * approvals, docs/environments.md) can check each line it will be answered from.
 *
 * @param line 1-based line number in the file
 * @param prompt the prompt's wire name, e.g. {@code approve}, {@code param:hosted-zone-id} or {@code gate:dba}
 * @param glob which step ids the rule covers
 * @param answer a choice wire name, or the value for a {@code param:} prompt
 */
public record AnswerRule(int line, String prompt, StepGlob glob, String answer) {
    /** The prompt of a rule that answers one approver team's signature of a gate: {@code gate:<team>}. */
    public static final String GATE_TEAM_PREFIX = "gate:";

    private static final String PARAM_PREFIX = "param:";

    public AnswerRule {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(answer, "answer");
    }

    /** The kind of question the rule answers (the parser accepted only known prompts). */
    public PromptKind kind() {
        if (prompt.startsWith(PARAM_PREFIX)) {
            return PromptKind.PARAM;
        }
        if (prompt.startsWith(GATE_TEAM_PREFIX)) {
            return PromptKind.GATE;
        }
        return PromptKind.fromWireName(prompt).orElseThrow();
    }

    /** The team a {@code gate:<team>} rule answers for; empty for every other rule, a plain {@code gate} included. */
    public Optional<String> team() {
        return prompt.startsWith(GATE_TEAM_PREFIX)
                ? Optional.of(prompt.substring(GATE_TEAM_PREFIX.length()))
                : Optional.empty();
    }

    /**
     * Whether a {@code gate:<team>} rule can name {@code team}: not empty, and without whitespace (which ends the
     * prompt) or characters a terminal would not show. Checklists may name other teams; only a plain {@code gate}
     * rule can answer for those.
     */
    public static boolean canNameTeam(String team) {
        return !team.isEmpty()
                && team.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || VisibleText.isHidden(cp));
    }

    /**
     * Same prompt and the glob covers the question's step; whether the answer is allowed is not checked. A plain
     * {@code gate} rule covers every team's signature of a gate, as it did before teams could be named.
     */
    boolean covers(Question question) {
        boolean prompts = prompt.equals(question.wireName())
                || (question.kind() == PromptKind.GATE && prompt.equals(PromptKind.GATE.wireName()));
        return prompts && glob.matches(question.stepId());
    }

    /** The rule as one normalised line, {@code gate:dba cp-phase6-090-check approve}, for notes and messages. */
    String text() {
        return prompt + " " + glob.text() + " " + answer;
    }
}
