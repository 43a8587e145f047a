package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a step's preview, execute, verify and poll commands (FORMATS.md §4.3 "Selection": the first
 * executable candidate wins). A step whose execute command is not executable becomes a human step with
 * the original text as {@code MANUAL: …}; the lint, not the checklist, decides what runs.
 */
final class CommandSelector {
    static final String TRUE = "true";
    private static final Pattern PROFILE = Pattern.compile("--profile[= ]+(\\$MIGRATION_(?:SOURCE|TARGET)_PROFILE)");

    private final CommandPreparer preparer;
    private final Polling polling;
    private final Warnings warnings;

    CommandSelector(CommandPreparer preparer, Polling polling, Warnings warnings) {
        this.preparer = preparer;
        this.polling = polling;
        this.warnings = warnings;
    }

    /** Commands of a during-cutover item; empty when a compile error was recorded for it. */
    Optional<StepCommands> selectDuring(ItemContext ctx, boolean longRunning) {
        ChecklistItem item = ctx.at().item();
        String itemCommand = SecretFiles.sanitize(ctx.action(), item.command());
        Optional<Template> template = Templates.forAction(ctx.action(), ctx.resourceType());
        Optional<PreparedCommand> execute = chooseExecute(ctx, itemCommand, template);
        String profile = profileOf(execute.map(PreparedCommand::text).orElse(itemCommand));
        List<String> params = new ArrayList<>();
        PreparedCommand preview = execute.isEmpty() ? null : chooseRead(template.map(Template::preview), ctx, profile);
        addParams(params, preview);
        execute.ifPresent(e -> addParams(params, e));
        PollPlan pollPlan = null;
        if (longRunning) {
            Optional<PollPlan> plan = polling.plan(ctx, profile);
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            pollPlan = plan.get();
            addParams(params, pollPlan.command());
        }
        PreparedCommand poll = pollPlan == null ? null : pollPlan.command();
        Verify verify = chooseVerify(ctx, template, poll, profile);
        addParams(params, verify.command());
        String tool = execute.map(e -> toolFor(ctx.type(), e)).orElse(OperationType.HUMAN);
        String manual = execute.isEmpty() ? (itemCommand != null ? itemCommand : item.description()) : null;
        return Optional.of(new StepCommands(
                preview == null ? null : preview.text(),
                execute.map(PreparedCommand::text).orElse(TRUE),
                verify.text(),
                verify.pattern(),
                pollPlan,
                tool,
                manual,
                params));
    }

    /** Commands of a pre/post item: verify-only when its verification command is executable. */
    StepCommands selectCheck(ItemContext ctx, Optional<PreparedCommand> verification) {
        if (verification.isPresent()) {
            PreparedCommand v = verification.get();
            return new StepCommands(null, TRUE, v.text(), null, null, toolFor(ctx.type(), v), null, v.openParameters());
        }
        ChecklistItem item = ctx.at().item();
        String manual = item.verificationCommand() == null
                ? item.description()
                : item.description() + " Check: " + item.verificationCommand();
        return new StepCommands(null, TRUE, TRUE, null, null, OperationType.HUMAN, manual, List.of());
    }

    /** The verification command of a pre/post item, when executable in the read role. */
    Optional<PreparedCommand> executableCheck(SourceItem at, ItemContext partial) {
        String raw = at.item().verificationCommand();
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        PreparedCommand prepared =
                preparer.prepare(raw, CommandPreparer.Purpose.read(profileOf(raw)), partial.values());
        return prepared.executable() ? Optional.of(prepared) : Optional.empty();
    }

    private Optional<PreparedCommand> chooseExecute(ItemContext ctx, String itemCommand, Optional<Template> template) {
        boolean toolSaysManual = manualTool(ctx.at().item().tool());
        if (ctx.type().humanByAction() || toolSaysManual) {
            if (toolSaysManual && itemCommand != null && executable(itemCommand, ctx)) {
                warnings.add(
                        ctx.stepId(),
                        "item tool '" + ctx.at().item().tool()
                                + "' makes this a human step although its command is executable");
            }
            return Optional.empty();
        }
        // §4.3 order: the terraform-apply template first (checklist applies lack -auto-approve), then the
        // item's command, then the action's template.
        boolean apply = "terraform-apply".equals(ctx.action());
        List<String> candidates = new ArrayList<>();
        if (apply) {
            template.map(Template::execute).ifPresent(candidates::add);
        }
        if (itemCommand != null) {
            candidates.add(itemCommand);
        }
        if (!apply) {
            template.map(Template::execute).ifPresent(candidates::add);
        }
        PreparedCommand own = null;
        for (String raw : candidates) {
            PreparedCommand prepared = preparer.prepare(raw, CommandPreparer.Purpose.write(), ctx.values());
            if (prepared.executable()) {
                return Optional.of(prepared);
            }
            if (raw.equals(itemCommand)) {
                own = prepared;
            }
        }
        warnings.add(
                ctx.stepId(),
                "no executable execute command"
                        + (own == null ? "" : " (" + own.whyNotExecutable() + ")")
                        + "; downgraded to a manual step");
        return Optional.empty();
    }

    private boolean executable(String raw, ItemContext ctx) {
        return preparer.prepare(raw, CommandPreparer.Purpose.write(), ctx.values())
                .executable();
    }

    private record Verify(PreparedCommand command, String text, String pattern) {}

    private Verify chooseVerify(ItemContext ctx, Optional<Template> template, PreparedCommand poll, String profile) {
        PreparedCommand own = prepareRead(Optional.ofNullable(ctx.at().item().verificationCommand()), ctx, profile);
        if (own != null && own.executable()) {
            return new Verify(own, own.text(), null);
        }
        Verify fallback = fallbackVerify(ctx, template, poll, profile);
        if (own != null) {
            // §4.3 selection falls through silently; an operator must know the written check will not run.
            warnings.add(
                    ctx.stepId(),
                    "verification_command is not executable here (" + own.whyNotExecutable() + "); verify uses `"
                            + fallback.text() + "` instead"
                            + (TRUE.equals(fallback.text()) ? ", which checks nothing" : ""));
        }
        return fallback;
    }

    private Verify fallbackVerify(ItemContext ctx, Optional<Template> template, PreparedCommand poll, String profile) {
        PreparedCommand chosen = chooseRead(template.map(Template::verify), ctx, profile);
        if (chosen != null) {
            return new Verify(chosen, chosen.text(), template.get().verifyPattern());
        }
        if (poll != null) {
            // Poll-derived verify (§4.5): passes iff the poll parse is a success state.
            return new Verify(null, poll.text(), null);
        }
        return new Verify(null, TRUE, null);
    }

    private PreparedCommand chooseRead(Optional<String> raw, ItemContext ctx, String profile) {
        PreparedCommand prepared = prepareRead(raw, ctx, profile);
        return prepared != null && prepared.executable() ? prepared : null;
    }

    /** The command prepared in the read role, executable or not; null when there is no text. */
    private PreparedCommand prepareRead(Optional<String> raw, ItemContext ctx, String profile) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return null;
        }
        return preparer.prepare(raw.get(), CommandPreparer.Purpose.read(profile), ctx.values());
    }

    /** §4.2 (R): the table's tool holds for aws commands; otherwise terraform or shell. */
    static String toolFor(OperationType type, PreparedCommand command) {
        return switch (command.firstProgram()) {
            case "aws" -> type.automatedTool().equals(OperationType.HUMAN) ? "aws-cli" : type.automatedTool();
            case "terraform" -> "terraform";
            default -> "shell";
        };
    }

    static boolean manualTool(String tool) {
        if (tool == null) {
            return false;
        }
        String t = tool.trim().toLowerCase(Locale.ROOT);
        return t.equals("manual") || t.equals("human");
    }

    /** The profile variable the command uses, else the target profile (§4.3 normalization). */
    static String profileOf(String command) {
        if (command != null) {
            Matcher m = PROFILE.matcher(command);
            if (m.find()) {
                return m.group(1);
            }
        }
        return CommandPreparer.TARGET_PROFILE;
    }

    private static void addParams(List<String> params, PreparedCommand command) {
        if (command == null) {
            return;
        }
        for (String p : command.openParameters()) {
            if (!params.contains(p)) {
                params.add(p);
            }
        }
    }
}
