/**
 * Reading a run directory: locating it, loading the seven JSON inputs and two signed Markdown checklists, validating them against our JSON Schemas and reporting every problem with file, JSON pointer and fix.
 *
 * <p>Must not interpret the checklists (that is compile) and never writes into the run directory.
 */
package dev.cutover.input;
