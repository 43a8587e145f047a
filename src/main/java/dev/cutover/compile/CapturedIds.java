package dev.cutover.compile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runtime parameters a long-running step's execute supplies itself: ids its JSON output carries (FORMATS.md
 * §4.3), captured for the poll command. The operator is asked for one only when the output did not hold it, so
 * plans and runbooks list them apart from the values to prepare.
 */
public final class CapturedIds {
    /** One id and where it stands in an execute's JSON output (a JSON pointer). */
    public record Capture(String name, String pointer) {}

    /** Every id captured, with where it is found; the first pointer that holds a value wins for a name. */
    public static final List<Capture> CAPTURES = List.of(
            new Capture("job-id", "/JobId"),
            new Capture("job-id", "/UserImportJob/JobId"),
            new Capture("task-execution-arn", "/TaskExecutionArn"),
            new Capture("export-arn", "/ExportDescription/ExportArn"),
            new Capture("import-arn", "/ImportTableDescription/ImportArn"));

    private static final Set<String> NAMES =
            CAPTURES.stream().map(Capture::name).collect(Collectors.toUnmodifiableSet());

    private CapturedIds() {}

    /** Whether {@code name} is captured from an execute's output. */
    public static boolean isCaptured(String name) {
        return NAMES.contains(name);
    }

    /** The names in {@code params} the operator must supply, in order. */
    public static List<String> asked(List<String> params) {
        return params.stream().filter(p -> !isCaptured(p)).toList();
    }

    /** The names in {@code params} the execute's output supplies, in order. */
    public static List<String> captured(List<String> params) {
        return params.stream().filter(CapturedIds::isCaptured).toList();
    }
}
