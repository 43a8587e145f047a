package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a schema cannot express (FORMATS.md §2, §5 check 3): phase order and names, account ids and run
 * ids that agree across files (and with {@code --run-id}), freeze-window ids that are not blank, and gate approver
 * teams that each name a team ({@link GateApproverNames}).
 *
 * <p>Works on whatever parsed, so it runs alongside schema validation and every problem surfaces in one pass;
 * values the schema already rejects (wrong type, malformed id) are skipped here rather than reported twice.
 */
final class CrossFileChecks {
    private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");
    private static final String SOURCE_ACCOUNT = "/metadata/source_account_id";
    private static final String TARGET_ACCOUNT = "/metadata/target_account_id";
    private static final String RUN_ID = "/metadata/run_id";

    private CrossFileChecks() {}

    /** @param documents the JSON inputs that parsed, keyed by file */
    static List<Problem> check(Map<InputFile, JsonNode> documents, Optional<String> expectedRunId) {
        List<Problem> problems = new ArrayList<>();
        PhaseSequence.BY_FILE.forEach((file, sequence) -> {
            if (documents.containsKey(file)) {
                problems.addAll(sequence.check(file.fileName(), documents.get(file)));
            }
        });
        problems.addAll(sameAccount(documents, SOURCE_ACCOUNT, "source"));
        problems.addAll(sameAccount(documents, TARGET_ACCOUNT, "target"));
        problems.addAll(sameRunId(documents, expectedRunId));
        JsonNode dataPlane = documents.get(InputFile.DATA_PLANE_CHECKLIST);
        if (dataPlane != null) {
            problems.addAll(freezeWindowIds(dataPlane));
        }
        gateApprovers(documents, Plane.CP, InputFile.CONTROL_PLANE_CHECKLIST, problems);
        gateApprovers(documents, Plane.DP, InputFile.DATA_PLANE_CHECKLIST, problems);
        return problems;
    }

    private static void gateApprovers(
            Map<InputFile, JsonNode> documents, Plane plane, InputFile file, List<Problem> problems) {
        if (documents.containsKey(file)) {
            problems.addAll(GateApproverNames.check(plane, documents.get(file)));
        }
    }

    private static List<Problem> sameAccount(Map<InputFile, JsonNode> documents, String pointer, String side) {
        List<Problem> problems = new ArrayList<>();
        Optional<InputFile> reference = Optional.empty();
        for (Map.Entry<InputFile, JsonNode> entry : sorted(documents)) {
            String id = entry.getValue().at(pointer).asText("");
            if (!ACCOUNT_ID.matcher(id).matches()) {
                continue;
            }
            if (reference.isEmpty()) {
                reference = Optional.of(entry.getKey());
                continue;
            }
            String expected = documents.get(reference.get()).at(pointer).asText();
            if (!id.equals(expected)) {
                problems.add(new Problem(
                        entry.getKey().fileName(),
                        pointer,
                        side + " account " + id + " differs from " + expected + " in "
                                + reference.get().fileName(),
                        "use the " + side
                                + " account of the same planner run in every input (regenerate the mismatched file)"));
            }
        }
        return problems;
    }

    private static List<Problem> sameRunId(Map<InputFile, JsonNode> documents, Optional<String> expectedRunId) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> reference = expectedRunId;
        String referenceSource = "--run-id";
        for (Map.Entry<InputFile, JsonNode> entry : sorted(documents)) {
            JsonNode runId = entry.getValue().at(RUN_ID);
            if (!runId.isTextual()) {
                continue;
            }
            if (reference.isEmpty()) {
                reference = Optional.of(runId.asText());
                referenceSource = entry.getKey().fileName();
            } else if (!runId.asText().equals(reference.get())) {
                problems.add(runIdMismatch(entry.getKey(), runId.asText(), reference.get(), referenceSource));
            }
        }
        return problems;
    }

    private static Problem runIdMismatch(InputFile file, String found, String expected, String expectedSource) {
        boolean flag = "--run-id".equals(expectedSource);
        return new Problem(
                file.fileName(),
                RUN_ID,
                "run id `" + found + "` differs from `" + expected + "` "
                        + (flag ? "given by --run-id" : "in " + expectedSource),
                flag
                        ? "pass the run id of this run directory, or use the files of run `" + expected + "`"
                        : "use the files of one planner run only (regenerate the mismatched file)");
    }

    private static List<Problem> freezeWindowIds(JsonNode dataPlane) {
        List<Problem> problems = new ArrayList<>();
        JsonNode windows = dataPlane.path("freeze_windows");
        for (int i = 0; windows.isArray() && i < windows.size(); i++) {
            String at = "/freeze_windows/" + i;
            JsonNode begins = windows.get(i).path("begins_at_step_id");
            if (begins.isTextual() && begins.asText().isBlank()) {
                problems.add(new Problem(
                        InputFile.DATA_PLANE_CHECKLIST.fileName(),
                        at + "/begins_at_step_id",
                        "the freeze window does not say which step begins it",
                        "set it to the id of the checklist item that starts the freeze"));
            }
            JsonNode release = windows.get(i).path("release_step_id");
            if (release.isTextual() && release.asText().isBlank()) {
                problems.add(new Problem(
                        InputFile.DATA_PLANE_CHECKLIST.fileName(),
                        at + "/release_step_id",
                        "the release step id is blank",
                        "set it to the id of the item that releases the freeze, or to null if it is released by hand"));
            }
        }
        return problems;
    }

    /** Documents in {@link InputFile} order, so "the first file" is the same on every run. */
    private static List<Map.Entry<InputFile, JsonNode>> sorted(Map<InputFile, JsonNode> documents) {
        return documents.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
