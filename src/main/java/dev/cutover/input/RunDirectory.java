package dev.cutover.input;

import dev.cutover.error.ShellWord;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder holding one cutover's inputs and outputs, with the names of the files Cutover reads and writes
 * (FORMATS.md §1, §3).
 */
public record RunDirectory(Path root) {
    public static final String MIGRATION_PLAN = "migration-plan.json";
    public static final String DATA_MIGRATION_PLAN = "data-migration-plan.json";
    public static final String DEPENDENCY_GRAPH = "dependency-graph.json";
    public static final String HARDCODED_VALUES = "hardcoded-values.json";
    public static final String RESOURCE_OWNERSHIP = "resource-ownership.json";
    public static final String CONFIG = "cutover.yaml";
    public static final String STEPS = "execution-steps.json";
    public static final String JOURNAL = "execution-log.jsonl";
    public static final String SUMMARY = "execution-summary.json";
    public static final String REPORT = "execution-report.md";
    public static final String REPORT_HTML = "execution-report.html";
    public static final String LOCK = "RUNNING.lock";
    /** The folder of the per-step logs ({@code <step_id>.stdout.log}, …) and running-command markers. */
    public static final String STEP_LOGS = "execution";

    public RunDirectory {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** A file inside the run directory. */
    public Path file(String name) {
        return root.resolve(name);
    }

    public Path stepsFile() {
        return file(STEPS);
    }

    public Path journalFile() {
        return file(JOURNAL);
    }

    public Path stepLogs() {
        return file(STEP_LOGS);
    }

    public Path terraformRoot() {
        return root.resolve("terraform").resolve("root");
    }

    /** The folder as one word of a command line the operator pastes into a POSIX shell. */
    public String shellWord() {
        return ShellWord.quote(root.toString());
    }
}
