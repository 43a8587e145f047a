package dev.cutover.approval;

import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers questions from a rules file for rehearsals and tests: the first rule whose prompt and step glob
 * match decides, and a question without a usable rule halts the run (never a default approval).
 *
 * <p>Whether {@code --answers} is allowed at all (sandbox, development, test only) is the engine's call.
 */
public final class AnswersFileApprover implements Approver {
    private final Path file;
    private final List<AnswerRule> rules;

    private AnswersFileApprover(Path file, List<AnswerRule> rules) {
        this.file = file;
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads and checks every rule of {@code file} up front, so a rehearsal never stops halfway on a typo.
     *
     * @throws dev.cutover.error.CutoverException (ANSWERS_FILE_INVALID) listing every bad line at once
     */
    public static AnswersFileApprover load(Path file) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        return of(absolute, readLines(absolute));
    }

    /**
     * The approver of {@code lines}, already read from {@code file}: for a caller that checked those very bytes
     * (pipeline approvals) and must answer from them, never from a second read of a file that may have changed.
     *
     * @throws dev.cutover.error.CutoverException (ANSWERS_FILE_INVALID) listing every bad line at once
     */
    public static AnswersFileApprover of(Path file, List<String> lines) {
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        AnswerRuleParser.Result result = AnswerRuleParser.parse(absolute.toString(), lines);
        if (!result.problems().isEmpty()) {
            throw invalid(absolute, result.problems());
        }
        if (result.rules().isEmpty()) {
            throw invalid(
                    absolute,
                    List.of(new Problem(
                            absolute.toString(), "", "the file holds no rules", "add rules (docs/approvals.md)")));
        }
        return new AnswersFileApprover(absolute, result.rules());
    }

    /** The absolute, normalized path named in every answer's notes. */
    public Path file() {
        return file;
    }

    /** The rules in file order, for callers that hold the file to stricter rules than docs/approvals.md. */
    public List<AnswerRule> rules() {
        return rules;
    }

    @Override
    public Answer ask(Question question) {
        AnswerRule rule = rules.stream()
                .filter(r -> r.covers(question))
                .findFirst()
                .orElseThrow(() -> ApprovalError.NO_SCRIPTED_ANSWER.exception("no scripted answer for "
                        + question.wireName() + " on " + question.stepId() + " in answers file " + file
                        + "; the run halts (add a rule such as `" + rulePrompt(question) + " "
                        + question.stepId() + " <answer>`)"));
        String notes = notes(question, rule);
        return question.kind() == PromptKind.PARAM
                ? valueAnswer(question, rule, notes)
                : choiceAnswer(question, rule, notes);
    }

    /**
     * The file and line of the rule that answered; for a gate, also the rule itself, so the journal shows whether a
     * team's own rule signed or a plain {@code gate} rule that signs for every team.
     */
    private String notes(Question question, AnswerRule rule) {
        String notes = "answers file " + file + " line " + rule.line();
        if (question.kind() != PromptKind.GATE) {
            return notes;
        }
        boolean everyTeam = question.team() != null && rule.team().isEmpty();
        return notes + " (" + rule.text() + (everyTeam ? ": a plain gate rule answers every team" : "") + ")";
    }

    /** The prompt a rule for {@code question} would name; a team no rule can name is answered by a plain gate rule. */
    private static String rulePrompt(Question question) {
        boolean unnameable = question.team() != null && !AnswerRule.canNameTeam(question.team());
        return unnameable ? PromptKind.GATE.wireName() : question.wireName();
    }

    private Answer choiceAnswer(Question question, AnswerRule rule, String notes) {
        // The parser accepted only known wire names, so the lookup cannot miss.
        Choice choice = Choice.fromWireName(rule.answer()).orElseThrow();
        if (!question.allows(choice)) {
            // First match decides: falling through to a later rule would answer with a rule the author
            // did not mean for this step.
            throw ApprovalError.NO_SCRIPTED_ANSWER.exception(notes + " answers " + question.wireName() + " on "
                    + question.stepId() + " with '" + choice.wireName() + "', which this question does not"
                    + " allow (allowed: " + question.describeChoices() + "); the run halts");
        }
        return Answer.of(choice, AnswerSource.ANSWERS_FILE, notes);
    }

    private Answer valueAnswer(Question question, AnswerRule rule, String notes) {
        ParamRule param = question.param();
        if (!param.accepts().test(rule.answer())) {
            throw ApprovalError.NO_SCRIPTED_ANSWER.exception(notes + " gives '" + rule.answer() + "' for "
                    + question.wireName() + " on " + question.stepId() + ", which is not valid: "
                    + param.invalidMessage() + "; the run halts");
        }
        return Answer.ofValue(rule.answer(), AnswerSource.ANSWERS_FILE, notes);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApprovalError.ANSWERS_FILE_INVALID.exception(
                    "cannot read answers file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    private static RuntimeException invalid(Path file, List<Problem> problems) {
        String lines = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
        return ApprovalError.ANSWERS_FILE_INVALID.exception(
                "answers file " + file + " is invalid (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "): " + lines,
                problems);
    }
}
