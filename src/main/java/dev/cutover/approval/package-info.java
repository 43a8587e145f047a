/**
 * The Approver port through which the engine asks every question of a run, and its adapters: the
 * controlling terminal ({@link dev.cutover.approval.TerminalApprover}) and, for rehearsals and tests, an
 * answers file ({@link dev.cutover.approval.AnswersFileApprover}); later HTTP.
 *
 * <p>Must never approve by default: a question it cannot answer halts the run. It does not journal
 * answers, judge the environment (the engine refuses --answers in production) or depend on anything but
 * {@code dev.cutover.error} and the JDK.
 */
package dev.cutover.approval;
