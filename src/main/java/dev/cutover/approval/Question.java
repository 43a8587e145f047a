package dev.cutover.approval;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question the engine asks: its kind, the step it concerns, the prompt text the engine has already
 * rendered (exact command, hash, warnings), and either the allowed choices in display order or, for a
 * {@link PromptKind#PARAM} question, the rule a value must satisfy. A gate is signed once per approver team, and each
 * signature is a question of its own that carries the team, so an answers file can answer it alone
 * ({@code gate:<team>}).
 *
 * @param kind what is being asked
 * @param stepId the step the question concerns ({@code cp-phase0-000-run} for run-level questions)
 * @param prompt the full text to display, rendered by the engine
 * @param choices allowed answers in display order; empty for parameter questions
 * @param param the value rule for parameter questions; null otherwise
 * @param team the approver team signing, for a {@link PromptKind#GATE} question of a gate that names teams; null
 *     otherwise
 */
public record Question(
        PromptKind kind, String stepId, String prompt, List<Choice> choices, ParamRule param, String team) {
    public Question {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(prompt, "prompt");
        choices = List.copyOf(choices);
        if (stepId.isBlank()) {
            throw new IllegalArgumentException("stepId must not be blank");
        }
        if ((kind == PromptKind.PARAM) != (param != null)) {
            throw new IllegalArgumentException("a value rule is required for, and only for, parameter questions");
        }
        if (kind == PromptKind.PARAM ? !choices.isEmpty() : choices.isEmpty()) {
            throw new IllegalArgumentException("choice questions need choices; parameter questions take none");
        }
        if (team != null && (kind != PromptKind.GATE || team.isBlank())) {
            throw new IllegalArgumentException("only a gate question names a team, and not a blank one: " + team);
        }
        requireDistinctShortcuts(kind, choices);
    }

    /** A question without a team. */
    public Question(PromptKind kind, String stepId, String prompt, List<Choice> choices, ParamRule param) {
        this(kind, stepId, prompt, choices, param, null);
    }

    /** A choice question offering {@code choices} in this display order. */
    public static Question choose(PromptKind kind, String stepId, String prompt, Choice... choices) {
        return new Question(kind, stepId, prompt, List.of(choices), null);
    }

    /**
     * One approver team's signature of a go/no-go gate asked before {@code stepId}; {@code team} is null for a gate
     * that names no approver team.
     */
    public static Question gate(String stepId, String prompt, String team, Choice... choices) {
        return new Question(PromptKind.GATE, stepId, prompt, List.of(choices), null, team);
    }

    /** A question asking for the value of a runtime parameter. */
    public static Question value(String stepId, String prompt, ParamRule rule) {
        return new Question(PromptKind.PARAM, stepId, prompt, List.of(), rule);
    }

    /**
     * The prompt's name in answers files: the kind's wire name, {@code param:<name>}, or for a team's signature of a
     * gate {@code gate:<team>}.
     */
    public String wireName() {
        if (kind == PromptKind.PARAM) {
            return "param:" + param.name();
        }
        return team == null ? kind.wireName() : AnswerRule.GATE_TEAM_PREFIX + team;
    }

    /** Whether {@code choice} is one of the answers this question allows. */
    public boolean allows(Choice choice) {
        return choices.contains(choice);
    }

    /** The allowed answers as {@code approve (a), skip (s), abort (x)}, for re-asks and refusals. */
    public String describeChoices() {
        return choices.stream()
                .map(c -> c.wireName() + " (" + c.shortcutIn(kind) + ")")
                .collect(Collectors.joining(", "));
    }

    private static void requireDistinctShortcuts(PromptKind kind, List<Choice> choices) {
        Set<String> seen = new HashSet<>();
        for (Choice choice : choices) {
            // Distinct shortcuts also reject a choice listed twice.
            if (!seen.add(choice.shortcutIn(kind))) {
                throw new IllegalArgumentException("choices repeat or share a shortcut: " + choices);
            }
        }
    }
}
