/**
 * The append-only, fsynced, hash-chained JSONL journal: event records, the writer, the reader and replay into
 * run state.
 *
 * <p>Must never rewrite or truncate a journal file, with one sanctioned exception: {@link
 * dev.cutover.journal.TornTailRepair} cuts off a torn last line after copying its bytes aside. It knows nothing
 * about commands or prompts.
 */
package dev.cutover.journal;
