package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.error.CutoverException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The complete rehearsal example of docs/approvals.md loads and answers as its comments say. */
class RehearsalAnswersExampleTest {
    private static final Pattern V = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9._:/@+=,-]*");

    private static Path example;
    private static AnswersFileApprover approver;

    @BeforeAll
    static void load() throws URISyntaxException {
        example = Path.of(RehearsalAnswersExampleTest.class
                .getResource("/approval/rehearsal-answers.txt")
                .toURI());
        approver = AnswersFileApprover.load(example);
    }

    private static Choice answer(PromptKind kind, String stepId, Choice... choices) {
        return approver.ask(Question.choose(kind, stepId, "?", choices)).choice();
    }

    @Test
    void docsShowTheExampleVerbatim() throws IOException {
        String docs = Files.readString(Path.of("docs", "approvals.md"), StandardCharsets.UTF_8);

        assertThat(docs).contains(Files.readString(example, StandardCharsets.UTF_8));
    }

    @Test
    void proceedsApprovesAndSkipsTheDnsSwitch() {
        assertThat(answer(PromptKind.GO_NO_GO, "cp-phase0-000-run", Choice.PROCEED, Choice.CANCEL))
                .isEqualTo(Choice.PROCEED);
        assertThat(answer(PromptKind.APPROVE, "dp-phase4-020-orders-route53-change", Choice.APPROVE, Choice.SKIP))
                .isEqualTo(Choice.SKIP);
        assertThat(answer(PromptKind.APPROVE, "dp-phase2-010-orders-s3-sync", Choice.APPROVE, Choice.SKIP))
                .isEqualTo(Choice.APPROVE);
        assertThat(answer(PromptKind.HANDOFF, "cp-phase6-999-handoff-to-data-plane", Choice.APPROVE, Choice.ABORT))
                .isEqualTo(Choice.APPROVE);
    }

    @Test
    void failureRunsTheRollbackAndStopsButHaltsWhenNoRollbackIsOffered() {
        assertThat(answer(
                        PromptKind.FAILURE,
                        "dp-phase2-010-orders-s3-sync",
                        Choice.RETRY,
                        Choice.ROLLBACK_CONTINUE,
                        Choice.ROLLBACK_STOP,
                        Choice.SKIP_ROLLBACK_STOP,
                        Choice.ABORT_NO_ROLLBACK))
                .isEqualTo(Choice.ROLLBACK_STOP);
        assertThat(answer(
                        PromptKind.FAILURE,
                        "cp-phase0-010-state-backend",
                        Choice.RETRY,
                        Choice.SKIP_ROLLBACK_STOP,
                        Choice.ABORT_NO_ROLLBACK))
                .isEqualTo(Choice.SKIP_ROLLBACK_STOP);
        assertThatThrownBy(() -> answer(
                        PromptKind.FAILURE,
                        "cp-phase6-010-validate",
                        Choice.RETRY,
                        Choice.SKIP_ROLLBACK_STOP,
                        Choice.ABORT_NO_ROLLBACK))
                .isInstanceOf(CutoverException.class)
                .hasMessageContaining("'rollback-stop'");
    }

    @Test
    void suppliesParameterValues() {
        Question zone = Question.value(
                "cp-phase5-010-zone", "Zone?", ParamRule.matching("hosted-zone-id", V, "a Route 53 zone id"));

        assertThat(approver.ask(zone).value()).isEqualTo("Z0123456789ABCDEFGHIJ");
    }
}
