/**
 * Reading a run directory: locating it, loading the seven JSON inputs, the two signed Markdown checklists and
 * the optional {@code cutover.yaml}, validating them against our JSON Schemas and reporting every problem at
 * once with file, JSON pointer and fix. {@link dev.cutover.input.SchemaValidator} also checks the compiled
 * {@code execution-steps.json}.
 *
 * {@link dev.cutover.input.RunFiles} says, before any command reads or writes a path in the run directory,
 * whether it can.
 *
 * <p>Must not interpret the checklists (that is compile) and never writes into the run directory.
 */
package dev.cutover.input;
