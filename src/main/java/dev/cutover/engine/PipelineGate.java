package dev.cutover.engine;

import dev.cutover.approval.Answer;
import dev.cutover.approval.AnswersFileApprover;
import dev.cutover.approval.Approver;
import dev.cutover.digest.Sha256;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When {@code execute --pipeline-approvals FILE} may run unattended (docs/environments.md, ADR 0006): only in a CI
 * job ({@code CI=true}) whose own approval gate set {@value #GATE_VARIABLE}, and only with the approvals file
 * {@code prepare-pipeline} generated for exactly this plan — its {@value #STEPS_HASH_PREFIX} line must name the
 * SHA-256 of the execution-steps.json the inputs compile to now — and only if every rule is one prepare-pipeline
 * writes ({@link PipelineApprovalRules}). The class must be pipeline-only (checked by the guard).
 */
public final class PipelineGate {
    /** The variable the CI system's approval gate sets for the job; its value is journaled with every answer. */
    public static final String GATE_VARIABLE = "CUTOVER_PIPELINE_APPROVED";

    /** The line of the approvals file that binds it to one compiled plan. */
    public static final String STEPS_HASH_PREFIX = "# steps-sha256: ";

    /** The line of the approvals file that says which verb may read it. */
    public static final String PURPOSE_PREFIX = "# purpose: ";

    /**
     * Which verb an approvals file is for. They are never interchangeable: the execute file confirms each
     * irreversible step in advance, and in a rollback the same prompt confirms that step's manual procedure,
     * which only a person can. A file without a purpose line (written before rollback files existed) is for
     * execute.
     */
    public enum Purpose {
        EXECUTE("execute", "pipeline-approvals.txt"),
        ROLLBACK("rollback", "pipeline-rollback-approvals.txt");

        private final String verb;
        private final String fileName;

        Purpose(String verb, String fileName) {
            this.verb = verb;
            this.fileName = fileName;
        }

        /** {@code execute} or {@code rollback}: the verb, and the word of the purpose line. */
        public String verb() {
            return verb;
        }

        /** The name prepare-pipeline gives the file. */
        public String fileName() {
            return fileName;
        }

        /** The file's purpose line. */
        public String line() {
            return PURPOSE_PREFIX + verb;
        }
    }

    private static final int MAX_NOTED = 200;

    private PipelineGate() {}

    /** The hex SHA-256 of a compiled plan's bytes. */
    public static String stepsSha256(byte[] stepsJson) {
        return Sha256.hex(stepsJson);
    }

    /**
     * Refuses the run unless every rule above holds; returns the approver of the file's rules, made from the very
     * lines checked (the file is read once).
     */
    static AnswersFileApprover require(ExecuteRequest request, LoadedPlan plan, Purpose purpose) {
        if (!"true".equalsIgnoreCase(request.environment().getOrDefault("CI", ""))) {
            throw refused("CI is not `true`: pipeline approvals run only inside a CI job");
        }
        String gate = request.environment().getOrDefault(GATE_VARIABLE, "");
        if (gate.isBlank()) {
            throw refused(GATE_VARIABLE + " is not set: only the CI system's approval gate sets it, for the job it"
                    + " approved");
        }
        Path file = request.guard().pipelineApprovals();
        List<String> lines = read(file);
        Purpose written = purposeOf(file, lines);
        if (written != purpose) {
            throw refused(file + " holds " + written.verb() + " approvals, and " + purpose.verb() + " reads only the "
                    + purpose.fileName() + " prepare-pipeline generated for it");
        }
        String expected = stepsSha256(plan.stepsJson());
        String bound = bindingOf(file, lines);
        if (!bound.equals(expected)) {
            throw refused(file + " approves the plan with steps-sha256 " + bound + ", but the inputs compile to "
                    + expected + ": it was prepared for another plan. Run prepare-pipeline again and review the"
                    + " new change");
        }
        if (purpose == Purpose.EXECUTE) {
            requireSignableGates(plan);
        }
        AnswersFileApprover approvals = AnswersFileApprover.of(file, lines);
        requireRules(approvals, plan, purpose);
        return approvals;
    }

    /**
     * Refuses a plan with a gate signature no approvals line can give ({@link PipelineSignableGates}): the run would
     * halt there with nothing a reviewer could commit to continue it. Checked before the file's rules, since no
     * edit of the file fixes it; only execute asks gates.
     */
    private static void requireSignableGates(LoadedPlan plan) {
        List<Problem> problems = PipelineSignableGates.unsignable(plan.gates());
        if (!problems.isEmpty()) {
            throw new CutoverException(
                    ErrorCode.PIPELINE_APPROVALS_REFUSED,
                    "--pipeline-approvals refused: pipeline approvals could not give " + problems.size()
                            + (problems.size() == 1 ? " go/no-go signature" : " go/no-go signatures")
                            + " of this plan, so the run would halt at the gate with no line to continue it; nothing"
                            + " was executed",
                    problems);
        }
    }

    /**
     * Refuses a file with any rule prepare-pipeline would not write ({@link PipelineApprovalRules}): the header
     * binds the file to the plan, but only its rules say what the pipeline may decide without a person.
     */
    private static void requireRules(AnswersFileApprover file, LoadedPlan plan, Purpose purpose) {
        List<Problem> problems = PipelineApprovalRules.check(file, plan, purpose);
        if (problems.isEmpty()) {
            return;
        }
        String lines = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
        throw new CutoverException(
                ErrorCode.PIPELINE_APPROVALS_REFUSED,
                "--pipeline-approvals refused: " + file.file() + " holds rules pipeline approvals never hold ("
                        + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "); nothing was"
                        + " executed: " + lines,
                problems);
    }

    /** {@code base}, its answers' notes also naming the CI gate's value. */
    static Approver noting(ExecuteRequest request, Approver base) {
        String gate = request.environment().getOrDefault(GATE_VARIABLE, "");
        String noted = gate.length() > MAX_NOTED ? gate.substring(0, MAX_NOTED) + "…" : gate;
        return question -> {
            Answer a = base.ask(question);
            String notes = (a.notes() == null ? "" : a.notes() + "; ") + "CI gate " + GATE_VARIABLE + "=" + noted;
            return new Answer(a.choice(), a.value(), a.source(), notes);
        };
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refused("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Purpose purposeOf(Path file, List<String> lines) {
        String word = lines.stream()
                .filter(l -> l.startsWith(PURPOSE_PREFIX))
                .map(l -> l.substring(PURPOSE_PREFIX.length()).strip())
                .findFirst()
                .orElse(Purpose.EXECUTE.verb());
        for (Purpose p : Purpose.values()) {
            if (p.verb().equals(word)) {
                return p;
            }
        }
        throw refused(file + " says `" + PURPOSE_PREFIX + word + "`: it is not an approvals file prepare-pipeline"
                + " generated");
    }

    private static String bindingOf(Path file, List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith(STEPS_HASH_PREFIX))
                .map(l -> l.substring(STEPS_HASH_PREFIX.length()).strip())
                .findFirst()
                .orElseThrow(() -> refused(file + " has no `" + STEPS_HASH_PREFIX + "<hex>` line: it is not an"
                        + " approvals file prepare-pipeline generated"));
    }

    private static CutoverException refused(String why) {
        return new CutoverException(ErrorCode.PIPELINE_APPROVALS_REFUSED, "--pipeline-approvals refused: " + why);
    }
}
