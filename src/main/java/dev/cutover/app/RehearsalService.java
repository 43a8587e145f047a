package dev.cutover.app;

import dev.cutover.engine.CutoverEngine;
import dev.cutover.engine.ExecuteRequest;
import dev.cutover.engine.RunResult;
import dev.cutover.engine.Verdict;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Environment;
import dev.cutover.input.RunConfigLoader;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.input.SchemaValidator;
import dev.cutover.journal.JournalIntegrityException;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.ReverseRollbacks;
import dev.cutover.rehearsal.EvidenceVerifier;
import dev.cutover.rehearsal.RehearsalClaims;
import dev.cutover.rehearsal.RehearsalEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code cutover rehearse} (docs/rehearsal.md): in a sandbox, development, test or staging run directory, runs the
 * plan ({@code execute}), then — if it completed — the reverse rollback of every step ({@code rollback}), then
 * writes {@code rehearsal-evidence.json} from the journal, whatever the outcome: a failed rehearsal is on record
 * too. With {@code --resume} it continues where the rehearsal stopped (the execute, or the rollback).
 */
public final class RehearsalService {
    private final CompileService compile;
    private final CutoverEngine engine;
    private final EndOfRunWriter endOfRun;

    public RehearsalService(CompileService compile, CutoverEngine engine, EndOfRunWriter endOfRun) {
        this.compile = compile;
        this.engine = engine.rehearsing();
        this.endOfRun = endOfRun;
    }

    /**
     * What the rehearsal did.
     *
     * @param execute the execute's result, or null when it had already completed (a resumed rollback)
     * @param rollback the rollback's result, or null when the execute did not complete
     * @param evidence the evidence file written, or null when pre-flight refused (nothing ran)
     * @param verified the evidence verified as the production gate will (outcome, identity, reasons)
     */
    public record Result(
            RunResult execute, RollbackService.Result rollback, Path evidence, EvidenceVerifier.Result verified) {
        /** 0 when the rehearsal succeeded; else the execute's or rollback's code, or 1. */
        public int exitCode() {
            if (verified != null && verified.valid() && verified.succeeded()) {
                return 0;
            }
            if (execute != null && execute.exitCode() != 0) {
                return execute.exitCode();
            }
            if (rollback != null && rollback.exitCode() != 0) {
                return rollback.exitCode();
            }
            return 1;
        }
    }

    public Result rehearse(ExecuteRequest request, Optional<String> expectedRunId) {
        RunDirectory dir = request.runDir();
        Environment environment =
                new RunConfigLoader(SchemaValidator.shared()).load(dir).environment();
        if (!RehearsalClaims.REHEARSAL_ENVIRONMENTS.contains(environment.configName())) {
            throw new CutoverException(
                    ErrorCode.REHEARSAL_NOT_ALLOWED,
                    "cutover rehearse is refused: this run directory's environment is " + environment.configName()
                            + " (cutover.yaml; absent means production). Rehearse in a copy whose cutover.yaml says"
                            + " sandbox, development, test or staging, pointed at non-production accounts.");
        }
        // The evidence is written after the whole run and its rollback: a folder in its way is refused first.
        RunFiles.requireReplaceable(dir.file(RehearsalEvidence.FILE));
        RunResult execute = null;
        if (!request.resume() || !rollbackStarted(dir)) {
            execute = new ExecuteService(compile, engine, endOfRun).execute(request, expectedRunId);
            if (execute.failure() != null) {
                return new Result(execute, null, null, null);
            }
        }
        RollbackService.Result rollback = null;
        if (execute == null || execute.ending().verdict() == Verdict.COMPLETED) {
            rollback = new RollbackService(compile, engine, endOfRun).rollback(request, expectedRunId);
        }
        byte[] evidence = RehearsalEvidence.write(read(dir.journalFile()), read(dir.stepsFile()));
        Path file = dir.file(RehearsalEvidence.FILE);
        AtomicFiles.write(file, evidence);
        return new Result(execute, rollback, file, new EvidenceVerifier().verify(evidence));
    }

    private static boolean rollbackStarted(RunDirectory dir) {
        if (!Files.exists(dir.journalFile())) {
            return false;
        }
        try {
            return ReverseRollbacks.of(
                            new JournalReader().read(dir.journalFile()).entries())
                    .started();
        } catch (JournalIntegrityException e) {
            return false; // execute --resume refuses it with the journal's own error
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
