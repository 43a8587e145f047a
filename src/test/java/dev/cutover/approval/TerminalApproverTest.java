package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalApproverTest {
    private static final String STEP = "cp-phase1-010-networking-terraform-apply";
    private static final Question APPROVE = Question.choose(
            PromptKind.APPROVE,
            STEP,
            "Step " + STEP + "\nCommand: terraform apply -target=module.networking\nSHA-256: abc123",
            Choice.APPROVE,
            Choice.SKIP,
            Choice.ABORT);
    private static final Question FAILURE = Question.choose(
            PromptKind.FAILURE,
            STEP,
            "Step failed.",
            Choice.RETRY,
            Choice.ROLLBACK_CONTINUE,
            Choice.ROLLBACK_STOP,
            Choice.SKIP_ROLLBACK_STOP,
            Choice.ABORT_NO_ROLLBACK);
    private static final Question ZONE = Question.value(
            STEP,
            "Hosted zone id of the target zone?",
            ParamRule.matching("hosted-zone-id", Pattern.compile("Z[A-Z0-9]+"), "A zone id looks like Z0123ABC."));

    private final StringWriter terminal = new StringWriter();

    private Answer ask(Question question, String typed) {
        return new TerminalApprover(new StringReader(typed), terminal).ask(question);
    }

    @ParameterizedTest
    @CsvSource({
        "approve, APPROVE",
        "skip, SKIP",
        "abort, ABORT",
        "a, APPROVE",
        "s, SKIP",
        "x, ABORT",
        "APPROVE, APPROVE",
        "Skip, SKIP",
        "X, ABORT"
    })
    void acceptsFullWordsAndShortcutsInAnyCase(String typed, Choice expected) {
        Answer answer = ask(APPROVE, typed + "\n");

        assertThat(answer.choice()).isEqualTo(expected);
        assertThat(answer.source()).isEqualTo(AnswerSource.TERMINAL);
        assertThat(answer.notes()).isNull();
    }

    @Test
    void surroundingWhitespaceAndCarriageReturnAreIgnored() {
        assertThat(ask(APPROVE, "  \tapprove  \r\n").choice()).isEqualTo(Choice.APPROVE);
    }

    @Test
    void writesThePromptTextAndEveryChoiceWithItsShortcut() {
        ask(APPROVE, "a\n");

        assertThat(terminal.toString())
                .startsWith(APPROVE.prompt() + "\n")
                .contains("[a] approve")
                .contains("[s] skip")
                .contains("[x] abort")
                .contains("Answer (a/s/x, or the full word): ");
    }

    @Test
    void failureDialogNumbersTheFiveRollbackOptions() {
        Answer answer = ask(FAILURE, "5\n");

        assertThat(answer.choice()).isEqualTo(Choice.ABORT_NO_ROLLBACK);
        assertThat(terminal.toString())
                .contains("[1] retry")
                .contains("[2] rollback-continue")
                .contains("[3] rollback-stop")
                .contains("[4] skip-rollback-stop")
                .contains("[5] abort-no-rollback");
    }

    @Test
    void retryIsOneInTheFailureDialogAndNotR() {
        Answer answer = ask(FAILURE, "r\n1\n");

        assertThat(answer.choice()).isEqualTo(Choice.RETRY);
        assertThat(terminal.toString()).contains("\"r\" is not an answer");
    }

    @Test
    void reAsksOnGarbageListingTheValidAnswers() {
        Answer answer = ask(APPROVE, "maybe\nyes\napprove\n");

        assertThat(answer.choice()).isEqualTo(Choice.APPROVE);
        assertThat(terminal.toString())
                .contains("\"maybe\" is not an answer to this question. Type one of: approve (a), skip (s), abort (x)")
                .contains("\"yes\" is not an answer");
    }

    @Test
    void anEmptyLineIsNeverADefault() {
        Answer answer = ask(APPROVE, "\n   \ns\n");

        assertThat(answer.choice()).isEqualTo(Choice.SKIP);
        assertThat(terminal.toString()).contains("An empty line is not an answer (there is no default).");
    }

    @Test
    void aChoiceNotOfferedByThisQuestionIsReAsked() {
        Question handoff = Question.choose(
                PromptKind.HANDOFF, "cp-phase6-999-handoff-to-data-plane", "Hand off?", Choice.APPROVE, Choice.ABORT);

        Answer answer = ask(handoff, "skip\ns\nx\n");

        assertThat(answer.choice()).isEqualTo(Choice.ABORT);
        assertThat(terminal.toString()).contains("\"skip\" is not an answer").contains("\"s\" is not an answer");
    }

    @Test
    void controlCharactersInEchoedInputAreNeutralised() {
        ask(APPROVE, "wi\u001b[2Jpe\na\n");

        assertThat(terminal.toString()).contains("\"wi\\x1b[2Jpe\"").doesNotContain("\u001b");
    }

    @Test
    void controlAndBidiCharactersInThePromptAreShownAsEscapes() {
        Question tricky = Question.choose(
                PromptKind.APPROVE,
                STEP,
                "Command: aws s3 rm s3://bucket --recursive\r\u001b[2Ktrue\nSHA-256: \u202eabc\tdef",
                Choice.APPROVE,
                Choice.ABORT);

        ask(tricky, "x\n");

        assertThat(terminal.toString())
                .contains("Command: aws s3 rm s3://bucket --recursive\\x0d\\x1b[2Ktrue\nSHA-256: \\u202eabc\tdef\n")
                .doesNotContain("\u001b")
                .doesNotContain("\r")
                .doesNotContain("\u202e");
    }

    @Test
    void paramValueIsReAskedUntilItIsValid() {
        Answer answer = ask(ZONE, "\nnot a zone\n  Z0123ABC  \n");

        assertThat(answer.value()).isEqualTo("Z0123ABC");
        assertThat(answer.choice()).isNull();
        assertThat(terminal.toString())
                .contains("Hosted zone id of the target zone?")
                .contains("Value for hosted-zone-id: ")
                .contains("An empty line is not a value (there is no default). A zone id looks like Z0123ABC.")
                .contains("\"not a zone\" is not a valid hosted-zone-id. A zone id looks like Z0123ABC.");
    }

    @Test
    void endOfInputThrowsInsteadOfDecidingForTheOperator() {
        assertThatThrownBy(() -> ask(APPROVE, "maybe\n"))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("operator input closed while asking approve for " + STEP)
                .satisfies(e -> assertThat(((CutoverException) e).code())
                        .isEqualTo(ApprovalError.OPERATOR_INPUT_CLOSED.errorCode()));
    }

    @Test
    void anAnswerWithoutItsNewlineIsNotAnAnswer() {
        assertThatThrownBy(() -> ask(APPROVE, "approve")).isInstanceOf(CutoverException.class);
    }

    @Test
    void endOfInputDuringAParamQuestionThrows() {
        assertThatThrownBy(() -> ask(ZONE, "bad\n"))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("param:hosted-zone-id");
    }

    @Test
    void aMissingTerminalDeviceIsRefusedAsNoTerminal(@TempDir Path dir) {
        assertThatThrownBy(() -> TerminalApprover.open(dir.resolve("no-such-tty")))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("refused: no terminal to ask the operator")
                .hasMessageContaining("--answers")
                .satisfies(e ->
                        assertThat(((CutoverException) e).code()).isEqualTo(ApprovalError.NO_TERMINAL.errorCode()));
    }
}
