package dev.cutover.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.ReverseRollbacks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code cutover rollback} did to each step that succeeded and changed something, latest first: rolled back,
 * remains (with why), not finished (where a stopped rollback left it) or not reached; folded from the journal.
 *
 * @param rows one row per step, in unwind order
 * @param stops why each stopped session stopped (run-level notes)
 */
public record RollbackOutcomes(List<Row> rows, List<String> stops) {
    /** What became of one step. */
    public enum Outcome {
        ROLLED_BACK,
        REMAINS,
        NOT_FINISHED,
        NOT_REACHED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One step.
     *
     * @param stepId the step
     * @param outcome what became of it
     * @param detail the journal's words: the check, or why it remains
     * @param seconds from its {@code rollback-offered} to its outcome, or null while open
     */
    public record Row(String stepId, Outcome outcome, String detail, Long seconds) {}

    public RollbackOutcomes {
        rows = List.copyOf(rows);
        stops = List.copyOf(stops);
    }

    /** Empty when the journal records no reverse rollback. */
    public static Optional<RollbackOutcomes> of(List<ExecutionStep> steps, List<JournalEntry> entries) {
        ReverseRollbacks folded = ReverseRollbacks.of(entries);
        if (!folded.started()) {
            return Optional.empty();
        }
        Map<String, ExecutionStep> byId =
                steps.stream().collect(Collectors.toMap(ExecutionStep::stepId, Function.identity()));
        List<Row> rows = new ArrayList<>();
        List<String> order = folded.succeededInOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            ExecutionStep step = byId.get(order.get(i));
            if (step != null && step.mutating()) {
                rows.add(row(step.stepId(), folded.step(step.stepId())));
            }
        }
        List<String> stops = folded.stops().stream().map(JournalEntry::notes).toList();
        return Optional.of(new RollbackOutcomes(rows, stops));
    }

    private static Row row(String stepId, Optional<ReverseRollbacks.Step> step) {
        if (step.isEmpty()) {
            return new Row(stepId, Outcome.NOT_REACHED, "not reached", null);
        }
        ReverseRollbacks.Step s = step.get();
        Long seconds = s.endedAt()
                .map(end -> Duration.between(s.offeredAt(), end).toSeconds())
                .orElse(null);
        String notes = s.last().notes();
        return switch (s.state()) {
            case UNDONE -> new Row(stepId, Outcome.ROLLED_BACK, after(notes, ReverseRollbacks.UNDONE), seconds);
            case REMAINS -> new Row(stepId, Outcome.REMAINS, after(notes, ReverseRollbacks.REMAINS), seconds);
            default ->
                new Row(
                        stepId,
                        Outcome.NOT_FINISHED,
                        "stopped at " + s.last().event().wireName(),
                        null);
        };
    }

    private static String after(String notes, String prefix) {
        String rest = notes.startsWith(prefix) ? notes.substring(prefix.length()) : notes;
        rest = rest.startsWith(";") ? rest.substring(1) : rest;
        return rest.strip().isEmpty() ? "done" : rest.strip();
    }

    /** The ids with {@code outcome}, in unwind order. */
    public List<String> ids(Outcome outcome) {
        return rows.stream()
                .filter(r -> r.outcome() == outcome)
                .map(Row::stepId)
                .toList();
    }

    /** What to run after a rollback: continue it while steps are left, else cut over again elsewhere. */
    List<NextStep> next(Path runDir) {
        if (!ids(Outcome.NOT_FINISHED).isEmpty() || !ids(Outcome.NOT_REACHED).isEmpty()) {
            return List.of(new NextStep(
                    "cutover rollback --run-dir " + NextStep.quote(runDir.toString()),
                    "continues the rollback where it stopped; steps already rolled back or left are not asked again"));
        }
        return List.of(new NextStep(
                "cutover execute --run-dir <new run dir>",
                "this run was rolled back (what remains is listed above); a new cutover starts from a new run"
                        + " directory"));
    }

    /** The {@code rollback} object of execution-summary.json. */
    ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Outcome outcome : Outcome.values()) {
            ids(outcome).forEach(o.putArray(outcome.wireName().replace('-', '_'))::add);
        }
        return o;
    }

    /** The report's "Rollback" section. */
    void markdown(StringBuilder md) {
        md.append("## Rollback\n\n")
                .append("`cutover rollback` unwound the steps that succeeded and changed something, latest first.\n\n");
        md.append("| Step | Outcome | Detail | Took |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(MarkdownText.code(r.stepId()))
                    .append(" | ")
                    .append(r.outcome().wireName())
                    .append(" | ")
                    .append(MarkdownText.prose(r.detail()))
                    .append(" | ")
                    .append(r.seconds() == null ? "—" : r.seconds() + " s")
                    .append(" |\n");
        }
        md.append('\n');
        stops.forEach(
                s -> md.append("- Stopped: ").append(MarkdownText.prose(s)).append('\n'));
        md.append(stops.isEmpty() ? "" : "\n");
    }

    /** The same section in the HTML report. */
    void html(HtmlWriter html) {
        html.open("section", "id", "rollback").element("h2", "Rollback");
        html.element("p", "cutover rollback unwound the steps that succeeded and changed something, latest first.");
        html.open("table").open("tr");
        for (String h : new String[] {"Step", "Outcome", "Detail", "Took"}) {
            html.element("th", h);
        }
        html.close("tr");
        for (Row r : rows) {
            html.open("tr", "class", "rollback " + r.outcome().wireName())
                    .open("td")
                    .element("code", r.stepId())
                    .close("td")
                    .element("td", r.outcome().wireName())
                    .element("td", MarkdownText.oneLine(r.detail()))
                    .element("td", r.seconds() == null ? "—" : r.seconds() + " s")
                    .close("tr");
        }
        html.close("table");
        if (!stops.isEmpty()) {
            html.open("ul");
            stops.forEach(s -> html.element("li", "Stopped: " + MarkdownText.oneLine(s)));
            html.close("ul");
        }
        html.close("section");
    }
}
