package dev.cutover.compile;

/**
 * One FORMATS.md §4.4 command template row; placeholders are still raw {@code {name}} tokens.
 *
 * @param preview the preview command, or null when the action has none
 * @param execute the execute command, or null when upstream elides it (never executable)
 * @param verify the verify command, or null when the verify is poll-derived
 * @param verifyPattern the success pattern on verify stdout, or null for exit-code-only
 * @param rdsOnly whether the row applies only to {@code AWS::RDS::*} resources (§4.4 (R))
 */
record Template(String preview, String execute, String verify, String verifyPattern, boolean rdsOnly) {}
