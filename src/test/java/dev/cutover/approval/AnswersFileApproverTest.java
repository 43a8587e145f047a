package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswersFileApproverTest {
    private static final String STEP = "dp-phase2-010-orders-s3-sync";
    private static final Pattern V = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9._:/@+=,-]*");

    @TempDir
    Path dir;

    private AnswersFileApprover load(String... lines) throws IOException {
        Path file = dir.resolve("answers.txt");
        Files.write(file, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        return AnswersFileApprover.load(file);
    }

    private static Question approve(String stepId) {
        return Question.choose(PromptKind.APPROVE, stepId, "Run it?", Choice.APPROVE, Choice.SKIP, Choice.ABORT);
    }

    private static Question zone(String stepId) {
        return Question.value(
                stepId, "Hosted zone?", ParamRule.matching("hosted-zone-id", V, "letters, digits, ._:/@+=,-"));
    }

    @Test
    void firstMatchingRuleWinsOverLaterOnes() throws IOException {
        AnswersFileApprover approver = load("approve dp-phase2-* skip", "approve * approve");

        assertThat(approver.ask(approve(STEP)).choice()).isEqualTo(Choice.SKIP);
        assertThat(approver.ask(approve("cp-phase1-010-vpc")).choice()).isEqualTo(Choice.APPROVE);
    }

    @Test
    void rulesForAnotherPromptKindDoNotMatch() throws IOException {
        AnswersFileApprover approver = load("irreversible * abort", "approve * approve");

        assertThat(approver.ask(approve(STEP)).choice()).isEqualTo(Choice.APPROVE);
    }

    @Test
    void globsMatchWholeStepIdsWithStarAndQuestionMark() throws IOException {
        AnswersFileApprover approver = load(
                "approve cp-phase?-010-* skip",
                "approve *-s3-sync abort",
                "approve dp-phase2 approve",
                "approve * approve");

        assertThat(approver.ask(approve("cp-phase3-010-db")).choice()).isEqualTo(Choice.SKIP);
        assertThat(approver.ask(approve("cp-phase3-020-db")).choice()).isEqualTo(Choice.APPROVE);
        assertThat(approver.ask(approve(STEP)).choice()).isEqualTo(Choice.ABORT);
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
        AnswersFileApprover approver = load(
                "# rehearsal answers", "", "   ", "approve dp-* skip   # not the data plane yet", "approve * approve");

        Answer answer = approver.ask(approve(STEP));

        assertThat(answer.choice()).isEqualTo(Choice.SKIP);
        assertThat(answer.notes()).endsWith(" line 4");
    }

    @Test
    void notesNameTheAbsoluteFileAndTheRuleLine() throws IOException {
        AnswersFileApprover approver = load("# header", "approve * approve");

        Answer answer = approver.ask(approve(STEP));

        assertThat(answer.source()).isEqualTo(AnswerSource.ANSWERS_FILE);
        assertThat(answer.notes()).isEqualTo("answers file " + dir.resolve("answers.txt") + " line 2");
    }

    @Test
    void paramValueIsTheRestOfTheLineTrimmed() throws IOException {
        AnswersFileApprover approver =
                load("param:hosted-zone-id cp-phase5-*   Z0123ABC   # the zone", "approve * approve");

        Answer answer = approver.ask(zone("cp-phase5-010-zone"));

        assertThat(answer.value()).isEqualTo("Z0123ABC");
        assertThat(answer.choice()).isNull();
        assertThat(answer.notes()).endsWith(" line 1");
    }

    @Test
    void hashInsideAParamValueIsPartOfTheValue() throws IOException {
        AnswersFileApprover approver = load("param:token * a#b c");
        Question question = Question.value(
                "cp-phase1-010-x", "Token?", ParamRule.matching("token", Pattern.compile(".+"), "anything"));

        assertThat(approver.ask(question).value()).isEqualTo("a#b c");
    }

    @Test
    void paramRulesMatchOnlyTheirOwnParameterName() throws IOException {
        AnswersFileApprover approver = load("param:bucket * my-bucket", "param:hosted-zone-id * Z42");

        assertThat(approver.ask(zone(STEP)).value()).isEqualTo("Z42");
    }

    @Test
    void paramValueFailingTheQuestionsValidationHaltsInsteadOfBeingUsed() throws IOException {
        AnswersFileApprover approver = load("param:hosted-zone-id * Z42 extra words");

        assertThatThrownBy(() -> approver.ask(zone(STEP)))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("not valid")
                .satisfies(e -> assertThat(((CutoverException) e).code())
                        .isEqualTo(ApprovalError.NO_SCRIPTED_ANSWER.errorCode()));
    }

    @Test
    void noMatchingRuleRefusesInsteadOfApproving() throws IOException {
        AnswersFileApprover approver = load("approve cp-* approve", "irreversible * approve");

        assertThatThrownBy(() -> approver.ask(approve(STEP)))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("no scripted answer for approve on " + STEP)
                .hasMessageContaining("the run halts")
                .satisfies(e -> assertThat(((CutoverException) e).code())
                        .isEqualTo(ApprovalError.NO_SCRIPTED_ANSWER.errorCode()));
    }

    @Test
    void firstMatchWithAnAnswerTheQuestionDoesNotAllowHaltsRatherThanFallingThrough() throws IOException {
        AnswersFileApprover approver = load("handoff * skip", "handoff * approve");
        Question handoff = Question.choose(
                PromptKind.HANDOFF, "cp-phase6-999-handoff-to-data-plane", "Hand off?", Choice.APPROVE, Choice.ABORT);

        assertThatThrownBy(() -> approver.ask(handoff))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("'skip'")
                .hasMessageContaining("approve (a), abort (x)");
    }

    @Test
    void everyMalformedLineIsReportedAtOnceWithItsLineNumber() {
        Path file = dir.resolve("bad.txt");
        String text = String.join(
                "\n",
                "aprove * approve",
                "approve * yes",
                "approve",
                "approve *",
                "param * x",
                "param:Bad-Name * x",
                "approve CP-* approve",
                "approve * approve now",
                "approve * approve # fine");

        assertThatThrownBy(() -> {
                    Files.writeString(file, text);
                    AnswersFileApprover.load(file);
                })
                .isInstanceOf(CutoverException.class)
                .satisfies(e -> {
                    CutoverException ce = (CutoverException) e;
                    assertThat(ce.code()).isEqualTo(ApprovalError.ANSWERS_FILE_INVALID.errorCode());
                    assertThat(ce.problems())
                            .extracting(Problem::message)
                            .containsExactly(
                                    "line 1: unknown prompt 'aprove'",
                                    "line 2: unknown answer 'yes'",
                                    "line 3: missing step-id glob and answer",
                                    "line 4: missing answer",
                                    "line 5: prompt 'param' needs a name: param:<name>",
                                    "line 6: bad parameter name in prompt 'param:Bad-Name'",
                                    "line 7: bad step-id glob 'CP-*'",
                                    "line 8: unexpected text after the answer: 'now'");
                    assertThat(ce.problems())
                            .allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
                    assertThat(ce.problems().get(5).fix())
                            .startsWith("name the parameter as the step's command does, e.g. param:snapshot-id:"
                                    + " lowercase letters");
                    assertThat(ce.getMessage())
                            .contains("8 problems")
                            .contains("line 1:")
                            .contains("line 8:");
                });
    }

    @Test
    void aFileWithoutRulesIsRejectedAtLoad() {
        assertThatThrownBy(() -> load("# only a comment", ""))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("no rules");
    }

    @Test
    void aMissingFileIsRejectedAtLoad() {
        assertThatThrownBy(() -> AnswersFileApprover.load(dir.resolve("absent.txt")))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("cannot read answers file")
                .hasMessageContaining("absent.txt");
    }
}
