/**
 * Command-line adapter: one picocli class per verb that parses flags, calls one {@code app} service and renders its result through the injected writers.
 *
 * <p>Must hold no domain logic, never call System.exit (only Main does) and never print to System.out directly.
 */
package dev.cutover.cli;
