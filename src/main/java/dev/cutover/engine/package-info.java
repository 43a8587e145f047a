/**
 * The walk over a compiled plan: pre-flight, lock, step lifecycle, polling, retries, freezes and the rollback dialog.
 *
 * <p>Must journal every event before the side effect it precedes and never run a command the operator did not approve.
 */
package dev.cutover.engine;
