package dev.cutover.compile;

/**
 * What "irreversible" promises for one step. A step may be irreversible and still have a rollback command: the plan's
 * DNS swap-back restores the record, not the traffic and writes that followed it. The prompt and the step's notes
 * must never say "no command undoes it" next to a rollback line.
 */
public final class Irreversibility {
    private Irreversibility() {}

    /** One clause: what cannot be undone, given the step's rollback command ("" when it has none). */
    public static String meaning(String rollbackCommand) {
        if (rollbackCommand == null || rollbackCommand.isBlank()) {
            return "no command undoes this step";
        }
        return "its rollback command restores the configuration, not what happened in the meantime (traffic,"
                + " writes, caches), so it cannot be fully undone";
    }
}
