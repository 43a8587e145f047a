package dev.cutover.engine;

import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.Approver;
import dev.cutover.approval.TerminalApprover;
import java.io.PrintWriter;

/** Creates the approver a run uses: the operator's terminal, or (outside production) an answers file. */
public interface ApproverFactory {
    Approver terminal();

    /** The approver answering from {@code file}, already read and checked (the engine loads it once). */
    Approver answers(AnswersFileApprover file);

    /** The real adapters: {@code /dev/tty}, and answers files echoed to the run's output. */
    static ApproverFactory system(PrintWriter out) {
        return new ApproverFactory() {
            @Override
            public Approver terminal() {
                return TerminalApprover.openControllingTerminal();
            }

            @Override
            public Approver answers(AnswersFileApprover file) {
                return new EchoingApprover(file, out);
            }
        };
    }
}
