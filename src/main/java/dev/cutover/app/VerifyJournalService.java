package dev.cutover.app;

import dev.cutover.engine.LockInspection;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.JournalVerifier;
import dev.cutover.journal.VerificationResult;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cutover verify-journal}: checks a run's journal without taking its lock. A last line without LF while a
 * live run holds the run directory (the liveness test of {@code cutover status}) is that run's append still
 * under way, so every complete line is verified and that one is reported as being written, never as torn.
 */
public final class VerifyJournalService {
    private final Map<String, String> env;

    public VerifyJournalService(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public VerificationResult verify(RunDirectory dir) {
        RunFiles.requireReadableIfPresent(dir.journalFile());
        return new JournalVerifier().verify(dir.journalFile(), () -> liveRun(dir));
    }

    private Optional<String> liveRun(RunDirectory dir) {
        LockInspection inspection = LockInspection.of(dir, env);
        if (!inspection.live()) {
            return Optional.empty();
        }
        return Optional.of(inspection
                .holder()
                .map(h -> "pid " + h.pid() + " on " + h.host())
                .orElse("its RUNNING.lock is gone, but its OS lock is held"));
    }
}
