package dev.cutover.app;

import dev.cutover.compile.PlanIdentity;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.rehearsal.EvidenceVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code cutover verify-evidence}: verifies a rehearsal evidence file from its own contents and, given a run
 * directory, whether it is a successful rehearsal of the plan that directory compiles to (the production gate's
 * question, asked ahead of time).
 */
public final class EvidenceService {
    private final CompileService compile;

    public EvidenceService(CompileService compile) {
        this.compile = compile;
    }

    /**
     * The answer.
     *
     * @param verified the verification (valid or the first failed check)
     * @param plan the plan identity of {@code --run-dir}, when one was given
     */
    public record Result(EvidenceVerifier.Result verified, Optional<PlanIdentity> plan) {
        /** Whether the evidence is valid, and (with a run directory) a successful rehearsal of its plan. */
        public boolean satisfiesPlan() {
            return verified.valid()
                    && verified.succeeded()
                    && plan.map(p -> p.sha256().equals(verified.planIdentity())).orElse(true);
        }
    }

    public Result verify(Path file, Optional<RunDirectory> runDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.USAGE, "cannot read evidence " + file + ": " + e.getMessage(), e);
        }
        EvidenceVerifier.Result verified = new EvidenceVerifier().verify(bytes);
        Optional<PlanIdentity> plan = runDir.map(dir -> {
            CompiledPlan c = compile.compileInMemory(dir, Optional.empty());
            return c.identity();
        });
        return new Result(verified, plan);
    }
}
