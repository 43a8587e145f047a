package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Poll command and states of a long-running step (FORMATS.md §4.5). A long-running step without an
 * executable read-role poll command or without a success state cannot be run safely: compile error.
 */
final class Polling {
    private static final Pattern GENERIC_SUCCESS =
            Pattern.compile("(?i)^(success|succeeded|complete|completed|available)$");

    private final CommandPreparer preparer;
    private final CompileErrors errors;
    private final Warnings warnings;

    Polling(CommandPreparer preparer, CompileErrors errors, Warnings warnings) {
        this.preparer = preparer;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** Whether the step polls: the item flag, else the table default; s3-sync never polls (§4.2 (R)). */
    static boolean longRunning(ChecklistItem item, OperationType type) {
        if ("s3-sync".equals(type.action())) {
            return false;
        }
        return item.longRunning() != null ? item.longRunning() : type.longRunningDefault();
    }

    Optional<PollPlan> plan(ItemContext ctx, String readProfile) {
        Optional<PollRule> rule = PollRules.forAction(ctx.action(), ctx.resourceType());
        String query = rule.map(PollRule::query).orElse(null);
        List<PreparedCommand> refused = new ArrayList<>();
        Optional<PreparedCommand> command = pollCommand(ctx, rule, query, readProfile, refused);
        if (command.isEmpty()) {
            errors.add(
                    ctx.at(),
                    "poll_cmd",
                    "long-running step has no executable poll command"
                            + refused.stream()
                                    .map(c -> "; `" + c.text() + "`: " + c.whyNotExecutable())
                                    .collect(Collectors.joining()),
                    refused.stream().anyMatch(PreparedCommand::refusedByAllowList)
                            ? "Add the program to allowed_programs in cutover.yaml (a read program), give the item"
                                    + " a read-only poll_cmd whose programs are allowed, or set long_running to false."
                            : "Give the item an executable read-only poll_cmd (e.g. an aws describe-* call) or set"
                                    + " long_running to false.");
            return Optional.empty();
        }
        List<String> terminal = terminalStates(ctx.at().item(), rule);
        List<String> success = successStates(terminal, rule);
        if (success.isEmpty()) {
            noSuccessState(ctx, terminal, rule);
            return Optional.empty();
        }
        return Optional.of(new PollPlan(command.get(), terminal, success));
    }

    /**
     * A long-running step none of whose terminal states means success. With a §4.5 row only the row's own success
     * states count (case aside), so the fix names them; a generic example would be wrong for the row (SUCCEEDED is
     * not DataSync's SUCCESS).
     */
    private void noSuccessState(ItemContext ctx, List<String> terminal, Optional<PollRule> rule) {
        String listed = terminal.isEmpty() ? "" : ": none of " + String.join(", ", terminal) + " is a success state";
        if (rule.isEmpty()) {
            errors.add(
                    ctx.at(),
                    "poll_terminal_states",
                    "long-running step has no success state" + listed,
                    "List a success state (e.g. COMPLETED, SUCCEEDED, available) in poll_terminal_states.");
            return;
        }
        List<String> own = rule.get().success();
        String states = own.stream().map(s -> "`" + s + "`").collect(Collectors.joining(" or "));
        errors.add(
                ctx.at(),
                "poll_terminal_states",
                "long-running step has no success state" + listed + " of " + ctx.action() + " (its success "
                        + (own.size() == 1 ? "state is " : "states are ") + String.join(", ", own) + ")",
                "Add " + states + " to poll_terminal_states (the status " + ctx.action() + " reports on success),"
                        + " or remove poll_terminal_states to use " + ctx.action() + "'s own states.");
    }

    /** The first executable candidate; the refused ones are added to {@code refused}, in order. */
    private Optional<PreparedCommand> pollCommand(
            ItemContext ctx, Optional<PollRule> rule, String query, String readProfile, List<PreparedCommand> refused) {
        CommandPreparer.Purpose purpose = CommandPreparer.Purpose.poll(query, readProfile);
        String own = ctx.at().item().pollCmd();
        List<String> candidates = new ArrayList<>();
        if (own != null) {
            candidates.add(own);
        }
        rule.ifPresent(r -> candidates.add(r.describeCall()));
        for (String raw : candidates) {
            PreparedCommand prepared = preparer.prepare(raw, purpose, ctx.values());
            if (prepared.executable()) {
                if (own != null && !raw.equals(own)) {
                    // §4.3 selection falls through silently; the operator must know their poll will not run.
                    warnings.add(
                            ctx.stepId(),
                            "poll_cmd is not executable here (" + refused.get(0).whyNotExecutable() + "); polls run `"
                                    + prepared.text() + "` instead");
                }
                return Optional.of(prepared);
            }
            refused.add(prepared);
        }
        return Optional.empty();
    }

    private static List<String> terminalStates(ChecklistItem item, Optional<PollRule> rule) {
        if (!item.pollTerminalStates().isEmpty()) {
            return item.pollTerminalStates();
        }
        List<String> states = new ArrayList<>();
        rule.ifPresent(r -> {
            states.addAll(r.success());
            states.addAll(r.failure());
        });
        return states;
    }

    private static List<String> successStates(List<String> terminal, Optional<PollRule> rule) {
        List<String> success = new ArrayList<>();
        for (String state : terminal) {
            boolean isSuccess = rule.isPresent()
                    ? rule.get().success().stream().anyMatch(s -> s.equalsIgnoreCase(state))
                    : GENERIC_SUCCESS.matcher(state).matches();
            if (isSuccess && !success.contains(state)) {
                success.add(state);
            }
        }
        return success;
    }
}
