package dev.cutover.engine;

/**
 * The context restated on every prompt header, so an operator at 2 a.m. never approves in the wrong place:
 * run, environment, profiles and accounts.
 */
record RunContextHeader(String runId, String environment, String sourceProfile, String targetProfile, String accounts) {
    String line() {
        return "[run " + runId + " | " + environment + " | profiles " + orDash(sourceProfile) + " -> "
                + orDash(targetProfile) + " | accounts " + accounts + "]";
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
