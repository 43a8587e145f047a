package dev.cutover.input;

import java.util.List;

/**
 * One checklist item of either plane and any section; fields a given section does not carry are null.
 * Field meanings are FORMATS.md §2; {@code rollback_command} is our extension (docs/compile-rules.md §7).
 */
public record ChecklistItem(
        String id,
        String description,
        String ownerTeam,
        Integer timeBoxMinutes,
        String verificationCommand,
        String operationType,
        String terraformModule,
        String command,
        String datastoreArn,
        String tool,
        Boolean longRunning,
        String pollCmd,
        List<String> pollTerminalStates,
        Boolean irreversible,
        String rollbackCommand) {
    public ChecklistItem {
        pollTerminalStates = pollTerminalStates == null ? List.of() : List.copyOf(pollTerminalStates);
    }
}
