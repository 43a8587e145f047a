package dev.cutover.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.Ending;
import dev.cutover.report.RunActivity;
import dev.cutover.report.RunSummary;
import dev.cutover.report.StatusView;
import dev.cutover.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cutover report}: the end-of-run files for any run. A run that crashed or was killed never wrote them, so
 * they are folded from its journal with verdict {@code interrupted}, saying where it stopped. An ended run's
 * files are the engine's own and are left as they are (rebuilt only if missing). A live run is refused: its
 * files are written when it ends, and {@code cutover status} shows it now.
 */
public final class ReportService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatusService status;
    private final JournalEndOfRunWriter writer;

    public ReportService(Clock clock, Map<String, String> env) {
        this.status = new StatusService(clock, env);
        this.writer = new JournalEndOfRunWriter(clock);
    }

    /** What the command did: the run's activity, its verdict and why it stopped, and the two files. */
    public record Result(
            RunActivity activity, String verdict, String reason, String stepId, boolean written, Path report) {}

    public Result report(RunDirectory dir) {
        StatusView view = status.status(dir);
        Path report = dir.file(RunDirectory.REPORT);
        switch (view.activity()) {
            case RUNNING ->
                throw new CutoverException(
                        ErrorCode.LOCK_HELD,
                        "the run in " + dir.root() + " is live"
                                + (view.lock() == null
                                        ? ""
                                        : " (pid " + view.lock().pid() + " on "
                                                + view.lock().host() + ")")
                                + ": its report is written when it ends; `cutover status` shows it now");
            case ENDED -> {
                // A folder at either path is no report: folding refuses it, naming the folder.
                if (Files.isRegularFile(report) && Files.isRegularFile(dir.file(RunDirectory.SUMMARY))) {
                    return new Result(view.activity(), view.verdict(), null, null, false, report);
                }
                Ending ending = recordedEnding(dir, view);
                RunSummary s = fold(dir, ending);
                return new Result(
                        view.activity(), ending.verdict().wireName(), s.haltReason(), s.haltStepId(), true, report);
            }
            default -> {
                RunSummary s = fold(dir, Ending.interrupted());
                return new Result(
                        view.activity(), Verdict.INTERRUPTED.wireName(), s.haltReason(), s.haltStepId(), true, report);
            }
        }
    }

    private RunSummary fold(RunDirectory dir, Ending ending) {
        return writer.write(
                dir,
                StatusService.readSteps(dir),
                StatusService.freezes(dir),
                ending,
                List.of(),
                List.of("(rebuilt by cutover report: pre-flight warnings of the run are not in the journal)"));
    }

    /**
     * An ended run whose files were deleted: its verdict and reason from the summary if it survived; else the
     * verdict its journal shows ({@link Verdict#ofEndedRun}): a completed run stays completed, with no halt reason.
     */
    private static Ending recordedEnding(RunDirectory dir, StatusView view) {
        Verdict verdict = view.verdict() == null
                ? Verdict.ofEndedRun(view.counts())
                : Verdict.valueOf(view.verdict().toUpperCase(Locale.ROOT));
        try {
            JsonNode s = JSON.readTree(dir.file(RunDirectory.SUMMARY).toFile());
            return new Ending(verdict, text(s, "halt_reason"), text(s, "halt_step_id"));
        } catch (IOException | RuntimeException e) {
            return verdict == Verdict.COMPLETED
                    ? Ending.completed()
                    : new Ending(verdict, view.waitingFor(), view.currentStepId());
        }
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }
}
