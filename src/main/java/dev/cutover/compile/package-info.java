/**
 * The pure, deterministic compiler from {@code Inputs} to a {@code Plan}: step ids, actions, commands, placeholders, requires, rollback, risk, owners (FORMATS.md §4).
 *
 * <p>Must not read clocks, files, the environment or random sources: the same inputs give byte-identical output.
 */
package dev.cutover.compile;
