/**
 * The append-only, fsynced, hash-chained JSONL journal: event records, the writer, the reader and replay into run state.
 *
 * <p>Must never rewrite or truncate a journal file; it knows nothing about commands or prompts.
 */
package dev.cutover.journal;
