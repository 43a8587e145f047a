package dev.cutover.app;

import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.RunDirectory;
import dev.cutover.report.RunbookHtml;
import dev.cutover.report.RunbookMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code cutover runbook}: compiles the run directory in memory and writes the runbook as Markdown and as one
 * self-contained HTML page. Writes nothing else; {@code execution-steps.json} is left as it is.
 * Both pages are written, or (a folder in the way of either, a run directory that cannot be written) neither.
 */
public final class RunbookService {
    public static final String MARKDOWN = "runbook.md";
    public static final String HTML = "runbook.html";

    private final CompileService compiler;

    public RunbookService(CompileService compiler) {
        this.compiler = compiler;
    }

    /**
     * What was written.
     *
     * @param markdown the Markdown file
     * @param html the HTML page beside it
     * @param steps how many steps the runbook sequences
     * @param pointOfNoReturn the step id of the point of no return, if the plan has one
     * @param stepsFileState how the steps file on disk relates to the plan the runbook describes
     */
    public record Result(
            Path markdown, Path html, int steps, Optional<String> pointOfNoReturn, StepsFileState stepsFileState) {}

    /**
     * Writes {@code runbook.md} and {@code runbook.html} into the run directory, or, with {@code out}, the
     * Markdown to {@code out} and the HTML beside it (its {@code .md} suffix replaced by {@code .html}).
     */
    public Result write(RunDirectory dir, Optional<String> expectedRunId, Optional<Path> out) {
        CompiledPlan compiled = compiler.compileInMemory(dir, expectedRunId);
        var input = RunbookInputs.of(dir, compiled);
        Path markdown = out.map(p -> p.toAbsolutePath().normalize()).orElse(dir.file(MARKDOWN));
        Path html = out.isPresent() ? htmlBeside(markdown) : dir.file(HTML);
        // Read before writing: a steps file that cannot be read refuses before either page is written.
        StepsFileState stepsFileState = compiler.stepsFileState(dir, compiled);
        AtomicFiles.writeAll(List.of(
                new AtomicFiles.Output(markdown, RunbookMarkdown.render(input).getBytes(StandardCharsets.UTF_8)),
                new AtomicFiles.Output(html, RunbookHtml.render(input).getBytes(StandardCharsets.UTF_8))));
        return new Result(
                markdown,
                html,
                compiled.plan().steps().size(),
                PointOfNoReturn.of(compiled.plan().steps()).map(PointOfNoReturn::stepId),
                stepsFileState);
    }

    /** Where the HTML page goes when the Markdown goes to {@code markdown} ({@code --out}): beside it. */
    public static Path htmlBeside(Path markdown) {
        String name = markdown.getFileName().toString();
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return markdown.resolveSibling(stem + ".html");
    }
}
