/**
 * Running one command string with bash: streaming output to log files, bounded tails, exit codes.
 *
 * <p>Must not decide whether a command may run (that is policy) and never keeps unbounded output in memory.
 */
package dev.cutover.shell;
