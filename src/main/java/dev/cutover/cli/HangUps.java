package dev.cutover.cli;

import sun.misc.Signal;

/**
 * What a closed terminal (an SSH session that drops: SIGHUP) does to Cutover. By default the JVM starts shutting
 * down at once while the thread at the prompt reads end of input and starts halting the run: which of the two got
 * how far decided whether the journal recorded the end, the lock was removed and the summary written. With this
 * handler SIGHUP no longer ends the JVM; the terminal's end of input does, at the next question, through the one
 * orderly path (docs/approvals.md): the run halts, the journal says so, the lock is released. A command running at
 * that moment is awaited and verified first. A Java handler, not an ignored signal: the commands Cutover starts get
 * the default SIGHUP behaviour back on exec. Under {@code nohup} (SIGHUP already ignored) the JVM installs nothing
 * and the signal stays ignored for Cutover and its commands, as before.
 */
final class HangUps {
    private HangUps() {}

    /** Installs the handler; where the platform has no SIGHUP, changes nothing. */
    static void endAtTheNextQuestion() {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                // Nothing to do here: end of input at the next question halts the run.
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGHUP on this platform, or the JVM reserves it (-Xrs): the JVM's default stays.
        }
    }
}
