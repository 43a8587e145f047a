package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.app.JournalEndOfRunWriter;
import dev.cutover.app.RehearsalService;
import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.input.RunDirectory;
import dev.cutover.rehearsal.EvidenceVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover rehearse}: run the plan and its reverse rollback outside production, and record the evidence. */
@Command(
        name = "rehearse",
        mixinStandardHelpOptions = true,
        header = "Rehearse the cutover and its rollback before production.",
        description = "Rehearse the cutover in a sandbox, development, test or staging run directory: execute the plan "
                + "(same pre-flight, prompts and journal as execute), then, if it completed, roll back every "
                + "step that has a rollback (as cutover rollback), then write rehearsal-evidence.json: plan "
                + "identity, timings per step, rollback timings and outcome, verifiable from the journal and "
                + "steps it embeds. A production execute of the same plan needs that file "
                + "(docs/rehearsal.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rehearsal succeeded (every step, every rollback); evidence written",
            "1:the rehearsal did not succeed (evidence written, saying why)",
            "2:invalid input or usage; nothing executed",
            "3:refused: production (or no environment) in cutover.yaml, pre-flight, or a folder at"
                    + " rehearsal-evidence.json; nothing executed",
            "4:another live run holds the lock",
            "5:aborted by the operator (evidence written)",
            "6:journal or plan conflict",
            "70:internal error (bug)"
        })
final class RehearseCommand implements Callable<Integer> {
    @Mixin
    RunDirOptions runDir;

    @Option(names = "--resume", description = "Continue a rehearsal that stopped: the execute, or the rollback.")
    boolean resume;

    @Option(names = "--accept-stale", description = "Accept inputs captured more than 14 days ago.")
    boolean acceptStale;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            description = "Scripted answers; refused unless the environment is sandbox, development or test"
                    + " (a staging rehearsal is answered at the terminal). See docs/approvals.md.")
    Path answers;

    @Mixin
    OrgConfigOption org;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunDirectory dir = runDir.resolve();
        CutoverEngine engine = SystemEngine.create(out);
        RehearsalService.Result r = new RehearsalService(new CompileService(), engine, new JournalEndOfRunWriter())
                .rehearse(
                        runDir.executeRequest(
                                dir,
                                resume,
                                acceptStale,
                                answers,
                                ExecuteRequest.DEFAULT_MAX_PARALLEL_JOBS,
                                org.guard()),
                        runDir.expectedRunId());
        if (r.execute() != null && r.execute().failure() != null) {
            throw r.execute().failure();
        }
        if (r.rollback() != null) {
            RollbackCommand.render(out, dir, r.rollback());
        }
        render(out, r);
        return r.exitCode();
    }

    private static void render(PrintWriter out, RehearsalService.Result r) {
        EvidenceVerifier.Result v = r.verified();
        out.println();
        if (!v.valid()) {
            out.println("Rehearsal evidence " + r.evidence() + " does not verify (" + v.check() + "): " + v.message());
            return;
        }
        out.println("Rehearsal: " + v.claims().path("outcome").asText());
        v.claims().path("reasons").forEach(n -> out.println("  why: " + n.asText()));
        out.println("Plan identity: " + v.planIdentity());
        out.println(
                "Rollbacks exercised: " + v.claims().path("rollbacks_exercised").asInt() + " of "
                        + v.claims().path("rollbacks_expected").asInt());
        out.println("Evidence: " + r.evidence());
        out.println("  copy it into the production run directory (or its rehearsals/ folder);"
                + " `cutover verify-evidence FILE --run-dir DIR` checks it there first");
    }
}
