package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.GateAnchors;
import dev.cutover.compile.Irreversibility;
import dev.cutover.input.PollIntervals;
import java.time.Duration;
import java.util.List;

/**
 * Renders the text of every question the engine asks. The approval prompt shows what the operator approves:
 * the exact command and its SHA-256, what it acts on, its risk and owner, and every warning that applies.
 */
final class Prompts {
    private final RunContextHeader header;
    private final NoReturnNotice noReturn;

    Prompts(RunContextHeader header, NoReturnNotice noReturn) {
        this.header = header;
        this.noReturn = noReturn;
    }

    /**
     * The context line, and from the point of no return on a second line saying so: every prompt about a step
     * starts with this.
     */
    String headerFor(ExecutionStep step) {
        return header.line() + noReturn.line(step).map(l -> "\n" + l).orElse("");
    }

    /** The plan's point of no return, for the walk's separate confirmation of crossing it. */
    NoReturnNotice noReturn() {
        return noReturn;
    }

    String approval(
            ExecutionStep step,
            ApprovedCommand command,
            String previewTail,
            List<String> freezeLines,
            Duration pollInterval) {
        StringBuilder p = new StringBuilder(headerFor(step)).append('\n');
        p.append("STEP ")
                .append(step.stepId())
                .append("  (")
                .append(step.phaseName())
                .append(")\n");
        p.append("  ").append(step.description()).append('\n');
        p.append("  resource: ")
                .append(step.resourceArn())
                .append("  [")
                .append(step.resourceType())
                .append("]\n");
        p.append("  action:   ")
                .append(step.action())
                .append("  tool: ")
                .append(step.tool())
                .append('\n');
        p.append("  risk:     ").append(step.risk()).append("  owner: ").append(orNone(step.ownerTeam()));
        p.append("  time box: ").append(step.estimatedSeconds() / 60).append(" min\n");
        if (step.human()) {
            p.append("  MANUAL STEP: perform it yourself, then approve once it is DONE.\n");
        } else {
            // The full hash: it is what the approved event records, so the operator can compare the two.
            p.append("  command (exact, sha256 ").append(command.sha256()).append("):\n");
            p.append("    ").append(command.text()).append('\n');
            p.append("  then verify (read-only): ").append(step.verifyCmd()).append('\n');
        }
        if (previewTail != null && !previewTail.isBlank()) {
            p.append("  preview output (tail):\n").append(indent(previewTail));
        }
        if (step.irreversible()) {
            p.append("  IRREVERSIBLE: ")
                    .append(Irreversibility.meaning(step.rollbackCmd()))
                    .append("; a second")
                    .append(" confirmation follows.\n");
        }
        if (step.longRunning()) {
            p.append("  long-running: polled every ")
                    .append(PollIntervals.seconds(pollInterval))
                    .append(" s until ")
                    .append(String.join(" or ", step.pollTerminalStates()))
                    .append('\n');
        }
        freezeLines.forEach(l -> p.append("  FREEZE: ").append(l).append('\n'));
        if (step.notes() != null) {
            p.append("  notes: ")
                    .append(step.notes().replace("\n", "\n         "))
                    .append('\n');
        }
        p.append("  rollback: ").append(step.rollbackCmd().isEmpty() ? "none offered" : step.rollbackCmd());
        return p.append('\n').toString();
    }

    /** The run's context (profiles, accounts) restated on every prompt. */
    RunContextHeader header() {
        return header;
    }

    String irreversible(ExecutionStep step) {
        return headerFor(step) + "\nCONFIRM IRREVERSIBLE STEP " + step.stepId() + "\n  " + step.description()
                + "\n  Once this runs, rollback is manual at best. Approve again to run it now.\n";
    }

    String pointOfNoReturn(ExecutionStep step) {
        return headerFor(step) + "\nCONFIRM CROSSING THE POINT OF NO RETURN at " + step.stepId() + "\n  "
                + step.description() + "\n  After this step, rolling back is impossible or much more expensive."
                + " Approve again only if the go/no-go still holds and the rollback window is accepted.\n";
    }

    String handoff(ExecutionStep step, List<String> criteria) {
        StringBuilder p = new StringBuilder(headerFor(step)).append('\n');
        p.append("HANDOFF from the control plane to the data plane (")
                .append(step.stepId())
                .append(")\n");
        p.append("Confirm every criterion holds:\n");
        criteria.forEach(c -> p.append("  [ ] ").append(c).append('\n'));
        p.append("  [ ] The data-plane IAM policy is attached alongside the control-plane one.\n");
        return p.append("Approve to start the data plane, or abort.\n").toString();
    }

    /** A gate's heading and its criteria, one line each as {@link GateCriteria.Criterion#line()} renders them. */
    String gate(GateAnchors.Gate gate, List<String> criteria) {
        StringBuilder p = new StringBuilder("GO/NO-GO for ")
                .append(gate.where())
                .append(", approvers: ")
                .append(String.join(", ", gate.gate().approvers()))
                .append('\n');
        criteria.forEach(c -> p.append("  ").append(c).append('\n'));
        return p.toString();
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }

    private static String indent(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            b.append("    | ").append(line).append('\n');
        }
        return b.toString();
    }
}
