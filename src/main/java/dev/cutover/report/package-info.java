/**
 * Summaries and documents derived from the plan and the journal: summary JSON, report Markdown/HTML, runbook.
 *
 * <p>Must not mutate anything; every figure is recomputed from the journal.
 */
package dev.cutover.report;
