package dev.cutover.report;

import dev.cutover.error.ShellWord;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One thing the operator can do next: the exact command and why; {@link #after} lists them per verdict.
 *
 * @param command the command line, with the run directory quoted for a POSIX shell when needed
 * @param why one sentence saying what it does
 */
public record NextStep(String command, String why) {
    /** The upstream command that checks source/target parity after a completed cutover. */
    public static final String AUDIT = "/aws-migration-architect:audit";

    public NextStep {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(why, "why");
    }

    /** What to run after a run with this verdict; the first entry is the one to run. */
    public static List<NextStep> after(Verdict verdict, String runId, Path runDir, boolean tornTail) {
        NextStep resume = resume(runDir);
        if (tornTail && verdict != Verdict.COMPLETED) {
            return List.of(
                    new NextStep(
                            "cutover repair --run-dir " + quote(runDir.toString()),
                            "moves the torn last journal line aside; resume refuses until it is repaired"),
                    resume);
        }
        return switch (verdict) {
            case COMPLETED ->
                List.of(new NextStep(AUDIT + " --run-id " + quote(runId), "verifies source/target parity"));
            case HALTED ->
                List.of(new NextStep(
                        resume.command(),
                        "after fixing what stopped the run, continues it; failed steps "
                                + "are offered retry, skip or abort again"));
            case INTERRUPTED -> List.of(resume);
            case FAILED ->
                List.of(new NextStep(
                        resume.command(),
                        "after fixing the cause in the halt reason, runs pre-flight again and continues"));
            case ABORTED ->
                List.of(
                        new NextStep(
                                resume.command(), "resumes; the aborted step is offered retry, skip or abort again"),
                        new NextStep(
                                "cutover execute --run-dir <new run dir> --run-id <new run id>",
                                "starts over as a new run from the signed inputs; this journal stays the record of "
                                        + "what already changed"));
        };
    }

    /** The command that resumes the run in {@code runDir}. */
    public static NextStep resume(Path runDir) {
        return new NextStep(
                "cutover execute --run-dir " + quote(runDir.toString()) + " --resume",
                "re-verifies any step that was in flight, then asks again where the run stopped");
    }

    /** Quotes a word for a POSIX shell unless it is made only of characters that need no quoting. */
    static String quote(String word) {
        return ShellWord.quote(word);
    }
}
