package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.Approver;
import dev.cutover.approval.Question;
import java.io.PrintWriter;

/**
 * Prints every question and its scripted answer, so a rehearsal's output shows exactly what was approved and by
 * which rule. (The terminal approver shows its questions on the terminal itself.)
 */
final class EchoingApprover implements Approver {
    private final Approver delegate;
    private final PrintWriter out;

    EchoingApprover(Approver delegate, PrintWriter out) {
        this.delegate = delegate;
        this.out = out;
    }

    @Override
    public Answer ask(Question question) {
        out.print(question.prompt());
        Answer a = delegate.ask(question);
        String given = a.choice() != null ? a.choice().wireName() : a.value();
        out.println("> " + given + "   (" + a.notes() + ")");
        out.flush();
        return a;
    }
}
