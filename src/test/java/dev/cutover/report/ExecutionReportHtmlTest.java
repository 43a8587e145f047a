package dev.cutover.report;

import static dev.cutover.testing.StrictXhtml.byId;
import static dev.cutover.testing.StrictXhtml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.journal.JournalEvent;
import dev.cutover.testing.StrictXhtml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ExecutionReportHtmlTest {
    static final ReportContext CONTEXT =
            new ReportContext(Path.of("/runs/northwind-42"), List.of("KMS grant needed but absent"), List.of(), false);

    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    private String page(List<ExecutionStep> plan, Ending ending) {
        ReportInput input = journal.input(plan, List.of(Scenario.ORDERS_FREEZE));
        return ExecutionReportHtml.render(RunSummaries.build(input, ending, journal.now()), input, CONTEXT);
    }

    @Test
    void everyStepHasATableRowAndATimelineRowAndOnlyStepsThatStartedHaveABar() {
        Scenario.halted(journal);

        Document doc = StrictXhtml.parse(page(Scenario.PLAN, Ending.halted("rollback skipped", Scenario.SUBNETS)));

        List<String> ids = Scenario.PLAN.stream().map(ExecutionStep::stepId).toList();
        assertThat(StrictXhtml.ids(doc, "tr"))
                .containsExactlyElementsOf(ids.stream().map(id -> "step-" + id).toList());
        assertThat(StrictXhtml.ids(doc, "g"))
                .containsExactlyElementsOf(ids.stream().map(id -> "row-" + id).toList());
        List<String> started = List.of(Scenario.BACKEND, Scenario.VPC, Scenario.SUBNETS);
        for (String id : ids) {
            assertThat(bar(doc, id) != null).as(id).isEqualTo(started.contains(id));
        }
        assertThat(bar(doc, Scenario.SUBNETS).getAttribute("class")).isEqualTo("bar failed");
        assertThat(bar(doc, Scenario.BACKEND).getAttribute("class")).isEqualTo("bar skipped");
        assertThat(byId(doc, "row-" + Scenario.ORDERS_DB).getTextContent()).contains("not started (blocked)");
    }

    @Test
    void aBarIsAsLongAsTheStepTookAndOutlinedWhenItOverranItsTimeBox() {
        List<ExecutionStep> plan = new ArrayList<>(Scenario.PLAN);
        plan.set(0, StepEdits.withTimeBox(plan.get(0), 60));
        plan.set(1, StepEdits.withTimeBox(plan.get(1), 60));
        journal.lockAcquired().succeed(Scenario.BACKEND);
        journal.approve(Scenario.VPC)
                .after(Duration.ofMinutes(2))
                .executed(Scenario.VPC, 0, "")
                .event(Scenario.VPC, JournalEvent.VERIFY_PASSED)
                .event(Scenario.VPC, JournalEvent.STEP_SUCCEEDED);

        Document doc = StrictXhtml.parse(page(plan, Ending.halted("stopped", Scenario.VPC)));

        // succeed() writes six entries one second apart: started at 2 s, succeeded 5 s later. VPC starts at 8 s and
        // succeeds at 133 s (two minutes of waiting on its command).
        Element backend = bar(doc, Scenario.BACKEND);
        Element vpc = bar(doc, Scenario.VPC);
        assertThat(backend.getAttribute("class")).isEqualTo("bar succeeded");
        assertThat(backend.getTextContent()).isEqualTo(Scenario.BACKEND + ": succeeded, took 5s of 1 min planned");
        assertThat(vpc.getAttribute("class")).isEqualTo("bar succeeded over");
        assertThat(vpc.getTextContent())
                .isEqualTo(Scenario.VPC + ": succeeded, took 2m 05s of 1 min planned (overran)");
        double ratio = width(vpc) / width(backend);
        assertThat(ratio).isBetween(125.0 / 5 - 0.5, 125.0 / 5 + 0.5);
        assertThat(Double.parseDouble(vpc.getAttribute("x")))
                .isGreaterThan(Double.parseDouble(backend.getAttribute("x")));
        assertThat(byId(doc, "step-" + Scenario.VPC).getTextContent()).contains("2m 05s (overran)");
    }

    @Test
    void thePageStatesTheSameFactsAsTheMarkdownReport() {
        Scenario.halted(journal);
        ReportInput input = journal.input(Scenario.PLAN, List.of(Scenario.ORDERS_FREEZE));
        RunSummary summary =
                RunSummaries.build(input, Ending.halted("rollback skipped", Scenario.SUBNETS), journal.now());

        String md = ExecutionReport.markdown(summary, input, CONTEXT);
        Document doc = StrictXhtml.parse(ExecutionReportHtml.render(summary, input, CONTEXT));
        String text = doc.getDocumentElement().getTextContent();

        assertThat(text)
                .contains("Verdict: HALTED", "Halt reason: rollback skipped", "Halt step: " + Scenario.SUBNETS)
                .contains(line(md, "- Steps: ").substring("- Steps: ".length()))
                .contains(line(md, "- Approvals: ").substring("- Approvals: ".length()))
                .contains("KMS grant needed but absent")
                .contains("cutover execute --run-dir /runs/northwind-42 --resume");
        Element failed = byId(doc, "step-" + Scenario.SUBNETS);
        assertThat(elements(failed, "a").get(0).getAttribute("href"))
                .isEqualTo("execution/" + Scenario.SUBNETS + ".stderr.log");
        assertThat(failed.getTextContent()).contains("last stderr line: | InvalidCidr `x`");
        assertThat(byId(doc, "step-" + Scenario.BACKEND).getTextContent()).contains(StepDetails.SKIPPED_WITHOUT_NOTES);
        assertThat(byId(doc, "step-" + Scenario.ORDERS_DB).getTextContent()).contains("requires " + Scenario.SUBNETS);
        List<Element> rows = elements(byId(doc, "phases"), "tr");
        assertThat(rows.get(rows.size() - 1).getTextContent())
                .isEqualTo(line(md, "| **Total** |")
                        .replace("| **Total** |", "Total")
                        .replaceAll("[ |]", ""));
    }

    @Test
    void journalTextIsEscapedAndShownAsOneVisibleLine() {
        journal.lockAcquired().skip(Scenario.BACKEND, "<script>alert(1)</script>\n\u202eevil");

        String html = page(Scenario.PLAN, Ending.halted("stopped", Scenario.BACKEND));

        Document doc = StrictXhtml.parse(html);
        assertThat(elements(doc, "script")).isEmpty();
        assertThat(byId(doc, "step-" + Scenario.BACKEND).getTextContent())
                .contains("<script>alert(1)</script> \\u202eevil");
    }

    @Test
    void theSameJournalGivesTheSameBytes() {
        Scenario.completed(journal);

        assertThat(page(Scenario.PLAN, Ending.completed())).isEqualTo(page(Scenario.PLAN, Ending.completed()));
    }

    private static String line(String text, String prefix) {
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + prefix));
    }

    /** The actual-duration bar of a step's timeline row, or null when it has none. */
    private static Element bar(Document doc, String stepId) {
        return elements(byId(doc, "row-" + stepId), "rect").stream()
                .filter(r -> r.getAttribute("class").startsWith("bar"))
                .findFirst()
                .orElse(null);
    }

    private static double width(Element rect) {
        return Double.parseDouble(rect.getAttribute("width"));
    }
}
