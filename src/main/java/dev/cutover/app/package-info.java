/**
 * Use cases shared by the CLI and the later server: compile, plan, execute, resume, status, report. Each returns an immutable result record that renders as text or JSON.
 *
 * <p>Must not parse command lines, print, or exit; it wires domain packages, nothing more.
 */
package dev.cutover.app;
