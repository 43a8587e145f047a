package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.ScriptedApprover;
import dev.cutover.testing.StrictXhtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code cutover report}: interrupted runs get their files folded from the journal; ended runs keep theirs. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void statusReportAndRepairWhereNoRunStartedSayHowToStartOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("not-started"));
        for (String verb : List.of("status", "report", "repair")) {
            CliRunner.Result r = CliRunner.run(verb, "--run-dir", dir.toString());

            assertThat(r.exit()).as(verb).isEqualTo(2);
            assertThat(r.err())
                    .as(verb)
                    .contains("no run has started there")
                    .contains("cutover execute --run-dir DIR")
                    .doesNotContain("cutover compile");
        }
    }

    @Test
    void anEndedRunKeepsTheEnginesReportAndOnlyAMissingOneIsRebuiltWithTheRecordedVerdict() throws Exception {
        Scenario s = Scenario.demo(tmp);
        RunOutcome run = s.run(new ScriptedApprover());
        assertThat(run.verdict()).isEqualTo("completed");
        Path report = s.dir().resolve("execution-report.md");
        byte[] engines = Files.readAllBytes(report);

        CliRunner.Result kept = CliRunner.run("report", "--run-dir", s.dir().toString());

        assertThat(kept.exit()).as(kept.err()).isZero();
        assertThat(kept.out()).contains("Verdict: completed", "(unchanged)");
        assertThat(Files.readAllBytes(report)).isEqualTo(engines);

        Files.delete(report);
        CliRunner.Result rebuilt = CliRunner.run("report", "--run-dir", s.dir().toString());

        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        assertThat(Files.readString(report)).contains("COMPLETED", "rebuilt by cutover report");
    }

    @Test
    void aCompletedRunWhoseSummaryWasLostIsRebuiltAsCompletedNotHalted() throws Exception {
        Scenario s = Scenario.demo(tmp);
        assertThat(s.run(new ScriptedApprover()).verdict()).isEqualTo("completed");
        Path summary = s.dir().resolve("execution-summary.json");
        Files.delete(summary);

        CliRunner.Result rebuilt = CliRunner.run("report", "--run-dir", s.dir().toString());

        assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains("Verdict: completed").doesNotContain("null");
        assertThat(Files.readString(summary))
                .contains("\"verdict\": \"completed\"")
                .contains("\"halt_reason\": null");
        CliRunner.Result status = CliRunner.run("status", "--run-dir", s.dir().toString());
        assertThat(status.out()).contains("ended: completed");
    }

    @Test
    void aRunCutShortIsReportedAsInterruptedAtItsLastStep() throws Exception {
        Scenario s = Scenario.demo(tmp);
        s.run(new ScriptedApprover());
        s.crashAfter("dp-phase3-010-copy-config", "approved");

        CliRunner.Result r = CliRunner.run("report", "--run-dir", s.dir().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Verdict: interrupted at dp-phase3-010-copy-config");
        assertThat(Files.readString(s.dir().resolve("execution-summary.json")))
                .contains("\"verdict\": \"interrupted\"");
        assertThat(Files.readString(s.dir().resolve("execution-report.md"))).contains("INTERRUPTED", "--resume");
        Document page = StrictXhtml.parse(Files.readString(s.dir().resolve("execution-report.html")));
        assertThat(page.getDocumentElement().getTextContent()).contains("Verdict: INTERRUPTED");
        List<String> rows = StrictXhtml.ids(page, "g");
        assertThat(rows).hasSize(15).contains("row-dp-phase3-010-copy-config", "row-dp-phase5-091-read-through-live");
        for (String row : rows) {
            boolean started = rows.indexOf(row) <= rows.indexOf("row-dp-phase3-010-copy-config");
            assertThat(StrictXhtml.elements(StrictXhtml.byId(page, row), "rect").stream()
                            .anyMatch(rect -> rect.getAttribute("class").startsWith("bar ")))
                    .as(row)
                    .isEqualTo(started);
        }
    }

    @Test
    void theEngineWritesTheHtmlReportWithATimelineBarForEveryStepThatRan() throws Exception {
        Scenario s = Scenario.demo(tmp);
        s.run(new ScriptedApprover());

        Document page = StrictXhtml.parse(Files.readString(s.dir().resolve("execution-report.html")));

        assertThat(StrictXhtml.ids(page, "tr")).hasSize(15).contains("step-dp-phase4-030-switch-live");
        assertThat(StrictXhtml.elements(page, "rect").stream()
                        .filter(r -> r.getAttribute("class").startsWith("bar succeeded")))
                .hasSize(15);
    }

    @Test
    void aDirectoryWithoutAJournalIsRefused() {
        CliRunner.Result r = CliRunner.run("report", "--run-dir", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no run has started");
    }
}
