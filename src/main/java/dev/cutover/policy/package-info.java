/**
 * Policy: which commands may run, in which role, under which environment. Owns the shell-text lint of
 * FORMATS.md §4.3 (quote-aware parsing, allowed programs, forbidden syntax), the safe-value pattern, the
 * placeholder substitution and command normalization that the compiler and the engine share.
 *
 * <p>This package decides; it never runs a command, reads a file or prints.
 */
package dev.cutover.policy;
