/**
 * Rehearsals as evidence (issue 5, docs/rehearsal.md): the self-verifying evidence file a rehearsal writes, its
 * verification (every claim re-derived from the embedded journal and compiled steps), and the production gate
 * that requires a successful rehearsal of the same plan.
 *
 * <p>Pure over bytes and the journal fold: it runs no command and asks no question, and must not depend on the
 * engine.
 */
package dev.cutover.rehearsal;
