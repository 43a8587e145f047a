/**
 * The Approver port and its adapters (terminal, answers file, later HTTP).
 *
 * <p>Must never approve by default: a question it cannot answer halts the run.
 */
package dev.cutover.approval;
