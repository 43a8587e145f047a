package dev.cutover.policy;

/**
 * What a command is for, which decides which programs it may invoke (FORMATS.md §4.3): read roles are
 * preview, verify, poll and identity probes; write roles are execute and rollback.
 */
public enum CommandRole {
    READ,
    WRITE
}
