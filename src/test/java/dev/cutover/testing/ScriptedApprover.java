package dev.cutover.testing;

import dev.cutover.approval.Answer;
import dev.cutover.approval.AnswerSource;
import dev.cutover.approval.Approver;
import dev.cutover.approval.Choice;
import dev.cutover.approval.PromptKind;
import dev.cutover.approval.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A test {@link Approver}: answers from scripted queues per (prompt kind, step) and otherwise from defaults that
 * proceed at go/no-go and approve every step, records every question it was asked, and fails loudly when a
 * scripted choice is not among the offered ones or no answer is scripted (a failure dialog has no default).
 */
public final class ScriptedApprover implements Approver {
    public static final String NOTES = "scripted by test";

    /** {@code team} is set only for one approver team's signature of a gate ({@link #answerGate}). */
    private record Key(PromptKind kind, String stepId, String team) {}

    private final Map<Key, Deque<Choice>> scripted = new java.util.HashMap<>();
    private final Map<String, Deque<String>> params = new java.util.HashMap<>();
    private final List<Question> asked = new ArrayList<>();
    private final List<String> rejectedValues = new ArrayList<>();
    private final List<Hook> hooks = new ArrayList<>();
    private String anyParam;

    private record Hook(Predicate<Question> when, Consumer<Question> action) {}

    /** Answers {@code choices}, in order, to the next questions of {@code kind} about {@code stepId}. */
    public ScriptedApprover answer(PromptKind kind, String stepId, Choice... choices) {
        scripted.computeIfAbsent(new Key(kind, stepId, null), k -> new ArrayDeque<>())
                .addAll(List.of(choices));
        return this;
    }

    /**
     * Answers {@code choices}, in order, to {@code team}'s next signatures of a gate asked before {@code stepId}; they
     * come before answers scripted with {@link #answer} for the gate question, which answer any team.
     */
    public ScriptedApprover answerGate(String team, String stepId, Choice... choices) {
        scripted.computeIfAbsent(new Key(PromptKind.GATE, stepId, team), k -> new ArrayDeque<>())
                .addAll(List.of(choices));
        return this;
    }

    /** Values for parameter {@code name}, in order; a value the rule rejects is recorded and the next is tried. */
    public ScriptedApprover param(String name, String... values) {
        params.computeIfAbsent(name, k -> new ArrayDeque<>()).addAll(List.of(values));
        return this;
    }

    /** The value for any parameter without scripted values (e.g. template ids a test does not care about). */
    public ScriptedApprover anyParam(String value) {
        this.anyParam = value;
        return this;
    }

    /** Runs {@code action} just before answering a matching question (e.g. to move a clock). */
    public ScriptedApprover onAsk(Predicate<Question> when, Consumer<Question> action) {
        hooks.add(new Hook(when, action));
        return this;
    }

    @Override
    public synchronized Answer ask(Question question) {
        asked.add(question);
        hooks.stream()
                .filter(h -> h.when().test(question))
                .forEach(h -> h.action().accept(question));
        if (question.kind() == PromptKind.PARAM) {
            return value(question);
        }
        Deque<Choice> queue = scripted.get(new Key(question.kind(), question.stepId(), question.team()));
        if (queue == null || queue.isEmpty()) {
            queue = scripted.get(new Key(question.kind(), question.stepId(), null));
        }
        Choice choice = queue != null && !queue.isEmpty() ? queue.poll() : defaultChoice(question);
        if (!question.allows(choice)) {
            throw new AssertionError("scripted " + choice.wireName() + " is not offered for " + question.wireName()
                    + " " + question.stepId() + "; offered: " + question.describeChoices());
        }
        return Answer.of(choice, AnswerSource.ANSWERS_FILE, NOTES);
    }

    private Answer value(Question question) {
        Deque<String> queue = params.get(question.param().name());
        while (queue != null && !queue.isEmpty()) {
            String v = queue.poll();
            if (question.param().accepts().test(v)) {
                return Answer.ofValue(v, AnswerSource.ANSWERS_FILE, NOTES);
            }
            rejectedValues.add(question.param().name() + "=" + v);
        }
        if (anyParam != null && question.param().accepts().test(anyParam)) {
            return Answer.ofValue(anyParam, AnswerSource.ANSWERS_FILE, NOTES);
        }
        throw new AssertionError(
                "no acceptable value scripted for " + question.wireName() + " at " + question.stepId());
    }

    private static Choice defaultChoice(Question q) {
        return switch (q.kind()) {
            case GO_NO_GO -> Choice.PROCEED;
            case APPROVE, IRREVERSIBLE, HANDOFF, GATE -> Choice.APPROVE;
            case ROLLBACK -> {
                if (!q.allows(Choice.APPROVE)) {
                    throw new AssertionError("no answer scripted for " + q.wireName() + " at " + q.stepId()
                            + "; offered: " + q.describeChoices() + "\n" + q.prompt());
                }
                yield Choice.APPROVE;
            }
            default ->
                throw new AssertionError("no answer scripted for " + q.wireName() + " at " + q.stepId() + "; offered: "
                        + q.describeChoices() + "\n" + q.prompt());
        };
    }

    /** Every question asked, in order. */
    public synchronized List<Question> asked() {
        return List.copyOf(asked);
    }

    /** Questions of {@code kind} about {@code stepId}, in order. */
    public synchronized List<Question> asked(PromptKind kind, String stepId) {
        return asked.stream()
                .filter(q -> q.kind() == kind && q.stepId().equals(stepId))
                .toList();
    }

    /** Parameter values the question's rule refused, as {@code name=value}. */
    public synchronized List<String> rejectedValues() {
        return List.copyOf(rejectedValues);
    }
}
