package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts one step together once its commands are chosen: rollback (§4.7), irreversibility, risk, owner and
 * manual-review notes (§4.8), estimates, and the per-step warnings that only need the item itself.
 */
final class StepAssembler {
    private static final int POLL_INTERVAL_SECONDS = 60;
    static final String MANUAL_REVIEW = "MANUAL REVIEW: ";

    private final RollbackResolver rollbacks;
    private final RiskAndOwnership risks;
    private final Warnings warnings;

    StepAssembler(RollbackResolver rollbacks, RiskAndOwnership risks, Warnings warnings) {
        this.rollbacks = rollbacks;
        this.risks = risks;
        this.warnings = warnings;
    }

    ExecutionStep assemble(ItemContext ctx, StepCommands commands, boolean longRunning) {
        ChecklistItem item = ctx.at().item();
        String action = ctx.action();
        boolean mutating = !OperationType.MANUAL_DECISION.equals(action) && !OperationType.VERIFY_ONLY.equals(action);
        boolean irreversible = RiskAndOwnership.irreversible(item.irreversible(), action);
        Rollback rollback = rollbacks.resolve(ctx, mutating);
        warnAboutItem(ctx, commands);
        PollPlan poll = commands.poll();
        return new ExecutionStep(
                ctx.stepId(),
                ctx.at().phaseNumber(),
                ctx.at().phase().name(),
                item.id(),
                ctx.resourceArn(),
                ctx.resourceType(),
                action,
                commands.tool(),
                commands.execute(),
                commands.verify(),
                rollback.command(),
                risks.risk(ctx, irreversible),
                true,
                commands.preview(),
                commands.verifyPattern(),
                List.of(),
                longRunning,
                commands.pollCommand(),
                longRunning ? POLL_INTERVAL_SECONDS : null,
                poll == null ? List.of() : poll.terminalStates(),
                risks.owner(ctx.resourceArn(), item.ownerTeam()),
                item.timeBoxMinutes() == null ? 0 : item.timeBoxMinutes() * 60,
                notes(ctx, commands, irreversible, rollback),
                ctx.at().plane().prefix(),
                ctx.at().section().jsonName(),
                item.operationType(),
                item.description(),
                item.datastoreArn(),
                irreversible,
                commands.runtimeParams(),
                poll == null ? List.of() : poll.successStates(),
                rollback.source(),
                rollback.windowMinutes());
    }

    private String notes(ItemContext ctx, StepCommands commands, boolean irreversible, Rollback rollback) {
        List<String> notes = new ArrayList<>();
        if (irreversible) {
            notes.add("IRREVERSIBLE: " + Irreversibility.meaning(rollback.command())
                    + "; it needs a second confirmation.");
        }
        if (commands.manualText() != null) {
            notes.add("MANUAL: " + commands.manualText());
        }
        notes.addAll(rollback.notes());
        risks.manualReviewReasons(ctx.resourceArn()).forEach(r -> notes.add(MANUAL_REVIEW + r));
        return notes.isEmpty() ? null : String.join("\n", notes);
    }

    private void warnAboutItem(ItemContext ctx, StepCommands commands) {
        ChecklistItem item = ctx.at().item();
        if ("s3-sync".equals(ctx.action()) && Boolean.TRUE.equals(item.longRunning())) {
            warnings.add(ctx.stepId(), "long_running is ignored for s3-sync; the sync runs synchronously");
        }
        String itemTool = item.tool() == null ? null : item.tool().trim().toLowerCase(Locale.ROOT);
        if (itemTool != null
                && !CommandSelector.manualTool(itemTool)
                && !commands.human()
                && !itemTool.equals(commands.tool())) {
            warnings.add(
                    ctx.stepId(),
                    "item tool '" + item.tool() + "' differs from the compiled tool '" + commands.tool() + "'");
        }
    }
}
