package dev.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.journal.EntryDraft;
import dev.cutover.journal.JournalEvent;
import dev.cutover.journal.NotificationEntry;
import dev.cutover.testing.StrictXhtml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The reports list every journaled webhook delivery; a run without any shows no such section. */
class NotificationLogTest {
    @TempDir
    Path dir;

    @AutoClose
    TestJournal journal;

    @BeforeEach
    void open() {
        journal = new TestJournal(dir);
    }

    /** A completed run whose deliveries were journaled in between, the way delivery threads append them. */
    private void completedWithDeliveries() {
        journal.lockAcquired();
        journal.append(new NotificationEntry(
                        "war-room", "run-started", true, "notification delivered: HTTP 204 after 1" + " attempt")
                .draft());
        journal.succeed(Scenario.BACKEND).succeed(Scenario.VPC).succeed(Scenario.SUBNETS);
        journal.append(new NotificationEntry(
                        "audit", "run-started", false, "notification failed: HTTP 500 after 4" + " attempts")
                .draft());
    }

    private ReportInput input() {
        return journal.input(Scenario.PLAN.subList(0, 3), List.of());
    }

    private static ReportContext context() {
        return new ReportContext(Path.of("/runs/northwind-42"), List.of(), List.of(), false);
    }

    @Test
    void theMarkdownReportListsEachDeliveryWithWebhookEventAndOutcome() {
        completedWithDeliveries();
        journal.lockReleased();
        ReportInput input = input();

        String md = ExecutionReport.markdown(
                RunSummaries.build(input, Ending.completed(), journal.now()), input, context());

        assertThat(md).contains("**Verdict: COMPLETED**");
        assertThat(md)
                .contains(
                        "## Notifications\n\n1 delivered, 1 failed.\n\n| At | Webhook | Event | Outcome |\n"
                                + "|---|---|---|---|\n"
                                + "| 2026-11-21T10:00:02.000Z | `war-room` | `run-started` | delivered: HTTP 204 after 1 attempt |\n");
        assertThat(md).contains("| `audit` | `run-started` | failed: HTTP 500 after 4 attempts |");
    }

    @Test
    void theHtmlReportHasANotificationsTableWithOneRowPerDelivery() {
        completedWithDeliveries();
        journal.lockReleased();
        ReportInput input = input();

        Document doc = StrictXhtml.parse(ExecutionReportHtml.render(
                RunSummaries.build(input, Ending.completed(), journal.now()), input, context()));

        Element section = StrictXhtml.byId(doc, "notifications");
        List<Element> rows = StrictXhtml.elements(section, "tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).getAttribute("class")).isEqualTo("delivered");
        assertThat(rows.get(1).getTextContent()).contains("war-room", "run-started", "delivered: HTTP 204");
        assertThat(rows.get(2).getAttribute("class")).isEqualTo("failed");
        assertThat(section.getTextContent()).contains("1 delivered, 1 failed.");
    }

    @Test
    void deliveriesChangeNoCountVerdictOrStepStateAndARunWithoutThemHasNoSection() throws Exception {
        completedWithDeliveries();
        journal.lockReleased();
        ReportInput notified = input();
        RunSummary withDeliveries = RunSummaries.build(notified, Ending.completed(), journal.now());

        assertThat(withDeliveries.stepsSucceeded()).isEqualTo(3);
        assertThat(withDeliveries.approvalsRequested()).isEqualTo(withDeliveries.approvalsGiven());
        assertThat(StepOutcomes.of(notified.steps(), notified.entries()))
                .allMatch(o -> o.state() == StepState.SUCCEEDED);

        TestJournal plain = new TestJournal(java.nio.file.Files.createDirectories(dir.resolve("plain")));
        try (plain) {
            plain.lockAcquired().succeed(Scenario.BACKEND).lockReleased();
            ReportInput input = plain.input(Scenario.PLAN.subList(0, 1), List.of());
            String md = ExecutionReport.markdown(
                    RunSummaries.build(input, Ending.completed(), plain.now()), input, context());
            assertThat(md).doesNotContain("Notifications");
        }
    }

    @Test
    void aLiveRunWhoseLastEntryIsADeliveryIsStillDescribedByWhatTheWalkDid() {
        journal.lockAcquired().succeed(Scenario.BACKEND);
        journal.append(EntryDraft.of(Scenario.VPC, 1, JournalEvent.STEP_STARTED));
        journal.append(EntryDraft.of(Scenario.VPC, 1, JournalEvent.APPROVAL_REQUESTED));
        journal.append(new NotificationEntry(
                        "audit", "gate-signed", true, "notification delivered: HTTP 204 after 1" + " attempt")
                .draft());

        assertThat(StatusViews.lastWork(journal.input(Scenario.PLAN, List.of()).entries()))
                .get()
                .satisfies(e -> assertThat(e.event()).isEqualTo(JournalEvent.APPROVAL_REQUESTED));
    }
}
