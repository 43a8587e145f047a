package dev.cutover.app;

import dev.cutover.engine.AcquiredLock;
import dev.cutover.engine.GitConfigReader;
import dev.cutover.engine.HostInfo;
import dev.cutover.engine.LockRequest;
import dev.cutover.engine.OperatorIdentity;
import dev.cutover.engine.RunLock;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.TornTailRepair;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cutover repair}: with the run directory's OS lock held (so no live run can be appending), sets a torn
 * last journal line aside. A stale lock file is left exactly as it is, for {@code --resume} to take over.
 */
public final class RepairService {
    private final Clock clock;
    private final HostInfo host;
    private final GitConfigReader git;

    public RepairService(Clock clock, HostInfo host, GitConfigReader git) {
        this.clock = clock;
        this.host = host;
        this.git = git;
    }

    public Optional<TornTailRepair.Repaired> repair(RunDirectory dir, Map<String, String> env) {
        if (!Files.exists(dir.journalFile())) {
            throw new CutoverException(
                    ErrorCode.NO_RUN_YET, "no journal at " + dir.journalFile() + ": no run has started there");
        }
        RunFiles.requireAppendable(dir.journalFile());
        String operator = OperatorIdentity.resolve(env, git).name();
        try (AcquiredLock ignored = new RunLock(clock, host)
                .probe(dir, new LockRequest(operator, "cutover repair", true))
                .orThrow("refusing to repair: ")) {
            return new TornTailRepair(clock).repair(dir.journalFile(), operator);
        }
    }
}
