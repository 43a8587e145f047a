package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuestionTest {
    private static final ParamRule ANY = ParamRule.matching("bucket", Pattern.compile(".+"), "any");

    @Test
    void wireNamesFollowTheAnswersFileVocabulary() {
        assertThat(PromptKind.GO_NO_GO.wireName()).isEqualTo("go-no-go");
        assertThat(Question.choose(PromptKind.GO_NO_GO, "cp-phase0-000-run", "Go?", Choice.PROCEED, Choice.CANCEL)
                        .wireName())
                .isEqualTo("go-no-go");
        assertThat(Question.value("dp-phase2-010-x", "Bucket?", ANY).wireName()).isEqualTo("param:bucket");
        assertThat(Choice.SKIP_ROLLBACK_STOP.wireName()).isEqualTo("skip-rollback-stop");
    }

    @Test
    void everyChoiceHasADistinctShortcutInEveryKind() {
        for (PromptKind kind : PromptKind.values()) {
            assertThat(List.of(Choice.values()).stream().map(c -> c.shortcutIn(kind)))
                    .as("shortcuts in %s", kind)
                    .doesNotHaveDuplicates()
                    .allSatisfy(s -> assertThat(s).hasSize(1));
        }
    }

    @Test
    void aChoiceQuestionNeedsChoicesAndNoValueRule() {
        assertThatThrownBy(() -> Question.choose(PromptKind.APPROVE, "cp-phase1-010-x", "?"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Question(PromptKind.APPROVE, "cp-phase1-010-x", "?", List.of(Choice.APPROVE), ANY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParamQuestionNeedsAValueRuleAndNoChoices() {
        assertThatThrownBy(() -> new Question(PromptKind.PARAM, "cp-phase1-010-x", "?", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Question(PromptKind.PARAM, "cp-phase1-010-x", "?", List.of(Choice.APPROVE), ANY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceListedTwiceIsRejected() {
        assertThatThrownBy(() -> Question.choose(PromptKind.APPROVE, "cp-phase1-010-x", "?", Choice.SKIP, Choice.SKIP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankStepIdIsRejected() {
        assertThatThrownBy(() -> Question.choose(PromptKind.APPROVE, " ", "?", Choice.APPROVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParamRuleMatchesTheWholeValue() {
        ParamRule rule = ParamRule.matching("zone", Pattern.compile("Z[0-9]+"), "Z and digits");

        assertThat(rule.accepts().test("Z42")).isTrue();
        assertThat(rule.accepts().test("xZ42;rm")).isFalse();
    }

    @Test
    void anAnswerHoldsExactlyOneOfChoiceAndValue() {
        assertThatThrownBy(() -> new Answer(Choice.APPROVE, "v", AnswerSource.TERMINAL, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Answer(null, null, AnswerSource.TERMINAL, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proposedExitCodesFollowTheExitCodeContract() {
        assertThat(ApprovalError.NO_TERMINAL.proposedExitCode()).isEqualTo(3);
        assertThat(ApprovalError.OPERATOR_INPUT_CLOSED.proposedExitCode()).isEqualTo(1);
        assertThat(ApprovalError.NO_SCRIPTED_ANSWER.proposedExitCode()).isEqualTo(1);
        assertThat(ApprovalError.ANSWERS_FILE_INVALID.proposedExitCode()).isEqualTo(2);
    }
}
