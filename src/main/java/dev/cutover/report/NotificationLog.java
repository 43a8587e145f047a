package dev.cutover.report;

import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.NotificationEntry;
import java.time.Instant;
import java.util.List;

/**
 * The report's "Notifications" section: every webhook delivery the journal records (docs/notifications.md), in
 * journal order, with its outcome; absent from a run that sent none, so such reports are unchanged.
 */
final class NotificationLog {
    /** One journaled delivery outcome. */
    record Row(Instant at, String webhook, String event, boolean delivered, String outcome) {}

    private final List<Row> rows;

    private NotificationLog(List<Row> rows) {
        this.rows = rows;
    }

    static NotificationLog of(List<JournalEntry> entries) {
        return new NotificationLog(entries.stream()
                .flatMap(e -> NotificationEntry.of(e).stream().map(n -> row(e, n)))
                .toList());
    }

    private static Row row(JournalEntry e, NotificationEntry n) {
        String outcome =
                n.notes().startsWith("notification ") ? n.notes().substring("notification ".length()) : n.notes();
        return new Row(e.at(), n.webhook(), n.event(), n.delivered(), outcome);
    }

    List<Row> rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String counts() {
        long delivered = rows.stream().filter(Row::delivered).count();
        return delivered + " delivered, " + (rows.size() - delivered) + " failed.";
    }

    void markdown(StringBuilder md) {
        if (isEmpty()) {
            return;
        }
        md.append("## Notifications\n\n").append(counts()).append("\n\n");
        md.append("| At | Webhook | Event | Outcome |\n|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(ReportTime.format(r.at()))
                    .append(" | ")
                    .append(MarkdownText.code(r.webhook()))
                    .append(" | ")
                    .append(MarkdownText.code(r.event()))
                    .append(" | ")
                    .append(MarkdownText.prose(r.outcome()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    void html(HtmlWriter html) {
        if (isEmpty()) {
            return;
        }
        html.open("section", "id", "notifications")
                .element("h2", "Notifications")
                .element("p", counts())
                .open("table")
                .open("tr");
        for (String h : new String[] {"At", "Webhook", "Event", "Outcome"}) {
            html.element("th", h);
        }
        html.close("tr");
        for (Row r : rows) {
            html.open("tr", "class", r.delivered() ? "delivered" : "failed").element("td", ReportTime.format(r.at()));
            html.open("td").element("code", r.webhook()).close("td");
            html.open("td").element("code", r.event()).close("td");
            html.element("td", MarkdownText.oneLine(r.outcome())).close("tr");
        }
        html.close("table").close("section");
    }
}
