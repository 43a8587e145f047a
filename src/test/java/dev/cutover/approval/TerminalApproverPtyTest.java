package dev.cutover.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link TerminalApprover} on a real pseudo-terminal created by util-linux {@code script}, and
 * proves that without a controlling terminal it refuses rather than reading piped stdin.
 */
class TerminalApproverPtyTest {
    private static final String ASKED = "Answer (a/s/x, or the full word): ";

    @BeforeAll
    static void needsUtilLinuxScript() {
        assumeTrue(ChildProcess.onPath("script"), "util-linux `script` is not installed");
    }

    private static ChildProcess underPseudoTerminal(String... demoArgs) throws Exception {
        String command = ChildProcess.shellJoin(ChildProcess.demoJavaCommand(demoArgs));
        return ChildProcess.start(List.of("script", "-qec", command, "/dev/null"));
    }

    @Test
    void reAsksOnGarbageThenApprovesWhenTheOperatorTypesA() throws Exception {
        try (ChildProcess child = underPseudoTerminal()) {
            child.awaitOutput(ASKED);
            child.type("maybe\na\n");

            String output = child.awaitOutput("ANSWER ");

            assertThat(child.awaitExit()).isZero();
            assertThat(output)
                    .contains(PromptDemoMain.PROMPT.replace("\n", "\r\n"))
                    .contains("[a] approve")
                    .contains("\"maybe\" is not an answer to this question. Type one of: approve (a), skip (s),"
                            + " abort (x)");
            assertThat(child.output()).contains("ANSWER approve source=TERMINAL");
            assertThat(output.indexOf("\"maybe\" is not an answer")).isLessThan(output.indexOf("ANSWER "));
        }
    }

    @Test
    void keystrokesTypedBeforeTheQuestionIsShownNeverAnswerIt() throws Exception {
        try (ChildProcess child = underPseudoTerminal("await-type-ahead")) {
            child.type("a\n");
            child.awaitOutput("Ignored input typed before this question was shown");
            child.awaitOutput(ASKED);
            child.type("skip\n");

            assertThat(child.awaitExit()).isZero();
            assertThat(child.output()).contains("ANSWER skip source=TERMINAL").doesNotContain("ANSWER approve");
        }
    }

    @Test
    void endOfInputOnTheTerminalHaltsWithoutAnAnswer() throws Exception {
        try (ChildProcess child = underPseudoTerminal()) {
            child.awaitOutput(ASKED);
            child.closeInput();

            int exit = child.awaitExit();

            assertThat(exit)
                    .isEqualTo(ApprovalError.OPERATOR_INPUT_CLOSED.errorCode().exitCode());
            assertThat(child.output())
                    .contains("REFUSED exit=" + exit + ": operator input closed while asking approve")
                    .doesNotContain("ANSWER");
        }
    }

    @Test
    void withoutAControllingTerminalItRefusesAndNeverReadsPipedStdin() throws Exception {
        assumeTrue(ChildProcess.onPath("setsid"), "util-linux `setsid` is not installed");
        List<String> command = new java.util.ArrayList<>(List.of("setsid", "-w"));
        command.addAll(ChildProcess.demoJavaCommand());
        try (ChildProcess child = ChildProcess.start(command)) {
            child.type("a\napprove\n");
            child.closeInput();

            int exit = child.awaitExit();

            assertThat(exit).isEqualTo(ApprovalError.NO_TERMINAL.errorCode().exitCode());
            assertThat(child.output())
                    .contains("REFUSED exit=" + exit + ": refused: no terminal to ask the operator")
                    .doesNotContain("ANSWER");
        }
    }
}
