package dev.cutover.shell;

import dev.cutover.time.UtcMillis;
import java.io.IOException;
import java.time.Instant;

/**
 * The command {@code true}: the compiler's placeholder where a step has nothing to run (the execute of a
 * verify-only or human step, the verify of an item without a verification command, FORMATS.md §4.3). Its outcome
 * is known before it starts — exit 0, no output — so the runner records it without starting bash: in a plan of
 * checks and manual steps that is two process starts saved per step, and nothing the journal says changes. Only
 * the exact word counts (surrounding blanks aside); {@code /bin/true}, {@code :} or {@code true; x} are run.
 */
public final class NoOpCommand {
    /** The placeholder's text. */
    public static final String TEXT = "true";

    private NoOpCommand() {}

    /** Whether {@code command} is the placeholder {@code true}. */
    public static boolean is(String command) {
        return command != null && TEXT.equals(command.strip());
    }

    /**
     * The placeholder's result, recorded at {@code at}: exit 0 and no output. Its step logs get one line saying it
     * was not started, so a reader of the log sees every command the journal names.
     */
    static CommandResult record(CommandRequest request, Instant at) throws IOException {
        StepLogs.open(request)
                .appendLine("==== " + UtcMillis.format(at) + " " + request.kind() + " `" + TEXT
                        + "`: nothing to run, not started (exit=0) ====");
        return new CommandResult(0, false, "", false, "", "", 0, 0, at, at);
    }
}
