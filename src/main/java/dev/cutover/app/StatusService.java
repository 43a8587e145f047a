package dev.cutover.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.StepsJson;
import dev.cutover.engine.LockInspection;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.Plane;
import dev.cutover.input.RunDirectory;
import dev.cutover.input.RunFiles;
import dev.cutover.journal.JournalContents;
import dev.cutover.journal.JournalCorruptException;
import dev.cutover.journal.JournalReader;
import dev.cutover.journal.TornTail;
import dev.cutover.report.FreezeSpec;
import dev.cutover.report.LockInfo;
import dev.cutover.report.PlanCheck;
import dev.cutover.report.RecordedVerdict;
import dev.cutover.report.ReportInput;
import dev.cutover.report.StatusView;
import dev.cutover.report.StatusViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cutover status}: the state of a run, live, ended or interrupted, derived from the stored steps, the
 * journal, the lock file and the summary. Reads only; works while another process runs the cutover.
 */
public final class StatusService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Map<String, String> env;

    public StatusService(Clock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = Map.copyOf(env);
    }

    public StatusView status(RunDirectory dir) {
        RunFiles.requireReadableIfPresent(dir.journalFile());
        if (!Files.exists(dir.journalFile())) {
            throw new CutoverException(
                    ErrorCode.NO_RUN_YET, "no journal in " + dir.root() + ": no run has started there");
        }
        byte[] stepsBytes = readStepsBytes(dir);
        List<ExecutionStep> steps = stepsBytes == null ? List.of() : parseSteps(dir, stepsBytes);
        // The lock first: a run that ends after this look has completed every line it began, so a journal read
        // after it that still ends without LF while no run was live is torn.
        LockInspection inspection = LockInspection.of(dir, env);
        JournalContents journal = read(dir, inspection.live());
        ReportInput input = ReportInput.of(journal, steps, freezes(dir));
        LockInfo lock = inspection
                .holder()
                .map(h -> new LockInfo(h.pid(), h.host(), h.operator(), h.startedAt(), inspection.live()))
                .orElse(null);
        PlanCheck plan = PlanCheck.of(journal.entries(), stepsBytes);
        return StatusViews.of(dir.root(), input, lock, inspection.live(), recorded(dir), plan, clock.instant());
    }

    /**
     * The journal up to its last complete line. A live run's long append becomes visible a page at a time, so
     * its last line without LF is still being written, not a torn tail.
     */
    private static JournalContents read(RunDirectory dir, boolean live) {
        JournalContents journal;
        try {
            journal = new JournalReader().read(dir.journalFile());
        } catch (JournalCorruptException e) {
            throw new CutoverException(ErrorCode.JOURNAL_CORRUPT, e.getMessage(), e);
        }
        if (live && journal.tornTail().filter(TornTail::unterminated).isPresent()) {
            return new JournalContents(journal.metadata(), journal.entries(), Optional.empty());
        }
        return journal;
    }

    static List<ExecutionStep> readSteps(RunDirectory dir) {
        byte[] bytes = readStepsBytes(dir);
        return bytes == null ? List.of() : parseSteps(dir, bytes);
    }

    /** The steps file's bytes, or null when there is none. */
    private static byte[] readStepsBytes(RunDirectory dir) {
        RunFiles.requireReadableIfPresent(dir.stepsFile());
        if (!Files.exists(dir.stepsFile())) {
            // A run refused at pre-flight journals its failure but never writes the steps file (FORMATS.md §5).
            return null;
        }
        try {
            return Files.readAllBytes(dir.stepsFile());
        } catch (IOException e) {
            throw new CutoverException(
                    ErrorCode.STEPS_FILE_INVALID, "cannot read " + dir.stepsFile() + ": " + e.getMessage(), e);
        }
    }

    private static List<ExecutionStep> parseSteps(RunDirectory dir, byte[] bytes) {
        try {
            return StepsJson.read(bytes);
        } catch (RuntimeException e) {
            throw new CutoverException(
                    ErrorCode.STEPS_FILE_INVALID, "cannot read " + dir.stepsFile() + ": " + e.getMessage(), e);
        }
    }

    /** Freeze windows straight from the data-plane checklist; status must work even if other inputs changed. */
    static List<FreezeSpec> freezes(RunDirectory dir) {
        List<FreezeSpec> out = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(dir.file(Plane.DP.jsonFile()).toFile());
            for (JsonNode w : root.path("freeze_windows")) {
                out.add(new FreezeSpec(
                        w.path("datastore_arn").asText(),
                        w.path("duration_minutes").asInt(),
                        w.path("begins_at_step_id").asText(),
                        w.hasNonNull("release_step_id")
                                ? w.get("release_step_id").asText()
                                : null));
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no freeze information is better than no status
        }
        return out;
    }

    private static RecordedVerdict recorded(RunDirectory dir) {
        Path summary = dir.file(RunDirectory.SUMMARY);
        try {
            JsonNode node = JSON.readTree(summary.toFile());
            return new RecordedVerdict(
                    node.path("verdict").asText(),
                    Instant.parse(node.path("ended_at").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
