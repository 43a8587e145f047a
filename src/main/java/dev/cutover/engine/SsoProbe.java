package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.shell.CommandResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periodic identity probe (FORMATS.md §6.3): before a step's preview, when more than 900 s passed since the
 * last success, run every probe; any failure halts the run and keeps the lock for {@code --resume}. Also
 * recognises credential expiry in a command's stderr.
 */
final class SsoProbe {
    static final Duration INTERVAL = Duration.ofSeconds(900);
    private static final List<String> EXPIRY_PATTERNS = List.of(
            "ExpiredToken",
            "Token has expired and refresh failed",
            "The SSO session associated with this profile has expired",
            "Error loading SSO Token");

    private final List<String> probes;
    private final String resumeCommand;
    private Instant lastSuccess;

    /**
     * @param probes the commands to run (the built-in sts probes when aws is allowed, then configured ones)
     * @param lastSuccess when pre-flight (or the journal, on resume) last saw every probe pass
     */
    SsoProbe(List<String> probes, Instant lastSuccess, String resumeCommand) {
        this.probes = List.copyOf(probes);
        this.lastSuccess = lastSuccess;
        this.resumeCommand = resumeCommand;
    }

    /** Runs the probes if due; returns the halt when one fails. */
    Optional<RunEnding> ifDue(ExecutionStep step, EngineContext ctx) {
        Instant now = ctx.clock().instant();
        if (probes.isEmpty() || Duration.between(lastSuccess, now).compareTo(INTERVAL) <= 0) {
            return Optional.empty();
        }
        for (String probe : probes) {
            CommandResult r = ctx.commands().run(step, "probe", probe);
            if (r.exitCode() != 0) {
                ctx.journal().command(step, JournalEvent.SSO_PROBE_FAILED, probe, r, "identity probe failed: " + probe);
                return Optional.of(expired(step, ctx, probe, probe));
            }
        }
        ctx.journal().event(step, JournalEvent.SSO_PROBE_PASSED);
        lastSuccess = now;
        return Optional.empty();
    }

    /** Whether stderr shows expired credentials (only meaningful when aws is allowed). */
    static Optional<String> expiry(String stderr) {
        return stderr == null
                ? Optional.empty()
                : EXPIRY_PATTERNS.stream().filter(stderr::contains).findFirst();
    }

    /** Journals the expiry {@code pattern} seen in the stderr of {@code command} and returns the halt. */
    RunEnding expiredDuring(ExecutionStep step, EngineContext ctx, String pattern, String command) {
        ctx.journal().event(step, JournalEvent.SSO_PROBE_FAILED, "credentials expired: " + pattern);
        return expired(step, ctx, pattern, command);
    }

    /** The profiles {@code command} uses; both when it names neither (e.g. a configured probe). */
    private static List<String> profilesIn(String command, RunContextHeader header) {
        boolean source = command.contains("$MIGRATION_SOURCE_PROFILE");
        boolean target = command.contains("$MIGRATION_TARGET_PROFILE");
        List<String> profiles = new ArrayList<>();
        if ((source || !target) && header.sourceProfile() != null) {
            profiles.add(header.sourceProfile());
        }
        if ((target || !source) && header.targetProfile() != null) {
            profiles.add(header.targetProfile());
        }
        return profiles.isEmpty() ? List.of("<profile>") : profiles;
    }

    private RunEnding expired(ExecutionStep step, EngineContext ctx, String what, String command) {
        ctx.out().println("HALT: credentials failed or expired (" + what + ").");
        for (String profile : profilesIn(command, ctx.prompts().header())) {
            ctx.out().println("  Re-authenticate:     aws sso login --profile " + profile);
        }
        ctx.out().println("  Then continue with:  " + resumeCommand);
        return new RunEnding(Verdict.HALTED, "credentials expired or invalid: " + what, step.stepId(), true);
    }
}
