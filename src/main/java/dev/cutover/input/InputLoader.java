package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the seven JSON inputs and two signed Markdown checklists of a run directory, validates them against
 * Cutover's schemas and the cross-file rules of FORMATS.md §2 and §5 check 3, and maps them onto
 * {@link Inputs}; every problem in every file is reported in one {@link ErrorCode#INPUT_INVALID} failure.
 *
 * <p>Reads only; never writes into the run directory. Sign-off lines are not checked here (pre-flight does).
 */
public final class InputLoader {
    private final SchemaValidator validator;
    private final InputFileReader reader = new InputFileReader();
    private final InputMapper mapper = new InputMapper();

    public InputLoader(SchemaValidator validator) {
        this.validator = validator;
    }

    /** Loads {@code dir} without checking the run id against an expected one. */
    public Inputs load(RunDirectory dir) {
        return load(dir, Optional.empty());
    }

    /**
     * Loads and validates {@code dir}.
     *
     * @param expectedRunId the run id the operator asked for ({@code --run-id}); every file must carry it
     * @throws CutoverException {@link ErrorCode#RUN_DIR_NOT_FOUND} when {@code dir} is not a directory,
     *     {@link ErrorCode#INPUT_INVALID} with every problem found otherwise
     */
    public Inputs load(RunDirectory dir, Optional<String> expectedRunId) {
        RunDirectoryResolver.requireDirectory(dir.root(), "");
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<InputFile, JsonNode> documents = new EnumMap<>(InputFile.class);
        Map<InputFile, String> markdown = new EnumMap<>(InputFile.class);
        for (InputFile file : InputFile.values()) {
            if (file.isJson()) {
                readJson(dir, file, problems, warnings).ifPresent(node -> documents.put(file, node));
            } else {
                InputFileReader.Read<String> read = reader.readMarkdown(dir.root(), file.fileName());
                read.problem().ifPresent(problems::add);
                read.content().ifPresent(text -> markdown.put(file, text));
            }
        }
        problems.addAll(CrossFileChecks.check(documents, expectedRunId));
        failIfAny(dir, problems);
        InputMapper.Mapped mapped = mapper.map(dir, documents, markdown);
        failIfAny(dir, mapped.problems());
        return mapped.inputs()
                .withInputWarnings(ProblemOrder.sorted(warnings).stream()
                        .map(w -> w.file() + ": " + w.pointer() + ": " + w.message() + "; " + w.fix())
                        .toList());
    }

    private Optional<JsonNode> readJson(
            RunDirectory dir, InputFile file, List<Problem> problems, List<Problem> warnings) {
        InputFileReader.Read<JsonNode> read = reader.readJson(dir.root(), file.fileName());
        read.problem().ifPresent(problems::add);
        read.content().ifPresent(node -> {
            CutoverSchema schema = file.schema().orElseThrow();
            problems.addAll(validator.validate(schema, file.fileName(), node));
            NearMissFields.Found nearMisses = validator.nearMisses(schema, file.fileName(), node);
            problems.addAll(nearMisses.refused());
            warnings.addAll(nearMisses.warned());
        });
        return read.content();
    }

    private static void failIfAny(RunDirectory dir, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> sorted = ProblemOrder.sorted(problems);
        String count = sorted.size() == 1 ? "1 problem" : sorted.size() + " problems";
        throw new CutoverException(ErrorCode.INPUT_INVALID, count + " in " + dir.root(), sorted);
    }
}
