package dev.cutover.cli;

import dev.cutover.app.CompileService;
import dev.cutover.app.EvidenceService;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunDirectoryResolver;
import dev.cutover.rehearsal.EvidenceVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutover verify-evidence}: prove a rehearsal evidence file is what the rehearsal wrote. */
@Command(
        name = "verify-evidence",
        mixinStandardHelpOptions = true,
        header = "Check that a rehearsal evidence file is authentic.",
        description = "Verify rehearsal-evidence.json from its own contents: the embedded journal's hash chain, the "
                + "embedded steps, that the journal ran exactly those steps, every claim (plan identity, "
                + "environment, outcome, timings, rollbacks) re-derived from them, and the seal. Names the "
                + "first mismatch. With --run-dir, also whether it is a successful rehearsal of the plan "
                + "that directory compiles to.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the evidence is authentic (and, with --run-dir, a successful rehearsal of that plan)",
            "2:the file cannot be read, or the run directory is missing, not a directory or empty (--run-dir \"\"),"
                    + " or its inputs are invalid",
            "3:with --run-dir: authentic, but a failed rehearsal or a different plan",
            "6:the evidence does not verify (first mismatch named)",
            "70:internal error (bug)"
        })
final class VerifyEvidenceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The evidence file, e.g. rehearsal-evidence.json.")
    Path file;

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "Also check it is a successful rehearsal of the plan this run directory compiles to.")
    Path runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // The same --run-dir check as every other command: a blank DIR is a usage error, a file "is not a directory".
        Optional<RunDirectory> dir = Optional.ofNullable(runDir).map(RunDirectoryResolver::fromRunDirFlag);
        EvidenceService.Result r = new EvidenceService(new CompileService()).verify(file, dir);
        EvidenceVerifier.Result v = r.verified();
        if (!v.valid()) {
            spec.commandLine().getErr().println("INVALID " + file + ": " + v.check() + " check failed: " + v.message());
            return ErrorCode.EVIDENCE_INVALID.exitCode();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("OK " + file + ": the evidence verifies (journal, steps, every claim, seal)");
        out.println("  plan identity: " + v.planIdentity());
        out.println("  environment:   " + v.claims().path("environment").asText() + ", run "
                + v.claims().path("run_id").asText() + ", Cutover "
                + v.claims().path("tool_version").asText());
        out.println("  outcome:       " + v.claims().path("outcome").asText() + reasons(v));
        out.println("  rollbacks:     " + v.claims().path("rollbacks_exercised").asInt() + " of "
                + v.claims().path("rollbacks_expected").asInt() + " exercised");
        if (r.plan().isEmpty()) {
            return 0;
        }
        boolean same = r.plan().get().sha256().equals(v.planIdentity());
        out.println("  " + runDir + ": plan " + r.plan().get().sha256()
                + (same ? " (the same plan)" : " (A DIFFERENT PLAN)"));
        return r.satisfiesPlan() ? 0 : ErrorCode.REHEARSAL_MISSING.exitCode();
    }

    private static String reasons(EvidenceVerifier.Result v) {
        List<String> reasons = new ArrayList<>();
        v.claims().path("reasons").forEach(n -> reasons.add(n.asText()));
        return reasons.isEmpty() ? "" : " — " + String.join("; ", reasons);
    }
}
