package dev.cutover.approval;

import dev.cutover.error.CutoverException;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Test program for the pseudo-terminal tests: asks one approval question on {@code /dev/tty} and prints
 * {@code ANSWER <choice>} to stdout, or {@code REFUSED exit=<n>: <message>} to stderr and exits with n.
 *
 * <p>With the argument {@code await-type-ahead} it first waits until keystrokes are pending on the
 * terminal, so a test can prove deterministically that input typed before the question never answers it.
 */
public final class PromptDemoMain {
    static final String STEP = "cp-phase5-010-dns-switch";
    static final String PROMPT = "Step " + STEP + " (irreversible)\nCommand: ln -sfn target current";

    private PromptDemoMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("await-type-ahead")) {
            awaitPendingInput();
        }
        Question question =
                Question.choose(PromptKind.APPROVE, STEP, PROMPT, Choice.APPROVE, Choice.SKIP, Choice.ABORT);
        try (TerminalApprover approver = TerminalApprover.openControllingTerminal()) {
            Answer answer = approver.ask(question);
            System.out.println("ANSWER " + answer.choice().wireName() + " source=" + answer.source());
        } catch (CutoverException e) {
            System.err.println("REFUSED exit=" + e.exitCode() + ": " + e.getMessage());
            System.exit(e.exitCode());
        }
    }

    private static void awaitPendingInput() throws IOException, InterruptedException {
        try (FileInputStream tty = new FileInputStream(TerminalApprover.CONTROLLING_TERMINAL.toFile())) {
            while (tty.available() == 0) {
                Thread.sleep(10);
            }
        }
    }
}
