package dev.cutover.engine;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.RunDirectory;
import dev.cutover.journal.JournalEntry;
import dev.cutover.journal.RunState;
import dev.cutover.journal.StepHistory;
import dev.cutover.policy.SafeValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On {@code --resume} the journal, not the plan, says what the operator approved (docs/resume.md, "Before anything
 * runs"): for every step whose journal holds an approval bound to a command ({@code approved} with the exact
 * {@code cmd} and its {@code sha256=}), the command the current plan gives for it, built with the values the
 * journal recorded, must be the one approved last; else the resume is refused with {@link ErrorCode#PLAN_DRIFT}
 * before the journal is opened for writing. The stored-plan check cannot see this alone: a steps file recompiled
 * from edited inputs passes it, and a re-attached job's failure-dialog retry would then run a command nobody
 * approved.
 */
final class ApprovalDrift {
    /**
     * Stands in for a value the journal does not hold; substituted by the same code as real values, so it is
     * quoted exactly as a real value would be. A plan whose commands contain it literally is never matched.
     */
    private static final String UNKNOWN = "cutover-unknown-value-";

    private static final Pattern UNKNOWN_AT = Pattern.compile(Pattern.quote(UNKNOWN) + "([0-9]+)-end");
    /** One value as substitution may insert it: the safe-character pattern V of FORMATS.md §4.3, unanchored. */
    private static final String VALUE =
            SafeValue.PATTERN.pattern().substring(1, SafeValue.PATTERN.pattern().length() - 1);

    private ApprovalDrift() {}

    /**
     * Refuses the resume when the plan would give a step whose command was approved another command.
     *
     * @throws CutoverException {@link ErrorCode#PLAN_DRIFT}, naming the step, both texts and the fix
     */
    static void require(List<ExecutionStep> steps, RunState state) {
        Map<String, ExecutionStep> byId = new HashMap<>();
        steps.forEach(s -> byId.put(s.stepId(), s));
        for (StepHistory history : state.steps().values()) {
            Optional<JournalEntry> approval = history.lastBoundApproval();
            if (approval.isEmpty()) {
                continue;
            }
            ExecutionStep step = byId.get(history.stepId());
            String approved = approval.get().cmd();
            if (step == null) {
                throw refusal(history.stepId(), approval.get(), "the plan has no such step now");
            }
            RuntimeValues values = PriorRun.valuesOf(history);
            if (!canGive(step.executeCmd(), values, approved)) {
                throw refusal(
                        history.stepId(),
                        approval.get(),
                        "the plan now gives `" + values.substitute(step.executeCmd()) + "`");
            }
        }
    }

    /**
     * Whether {@code template}, with {@code known} values substituted, is exactly {@code approved}. A placeholder
     * whose value the journal does not hold (an upstream journal, a value asked at a resume question) may stand
     * for any one safe value — the same value wherever it recurs — and nothing else: every character the plan
     * itself contributes must still be the approved one, so an edited command never matches, while a value
     * the journal cannot show does not by itself refuse the resume.
     */
    static boolean canGive(String template, RuntimeValues known, String approved) {
        List<String> open = known.open(template);
        if (open.isEmpty()) {
            return known.substitute(template).equals(approved);
        }
        if (template.contains(UNKNOWN)) {
            return false;
        }
        RuntimeValues standIns = known.copy();
        for (int i = 0; i < open.size(); i++) {
            standIns.put(open.get(i), UNKNOWN + i + "-end");
        }
        return pattern(standIns.substitute(template)).matcher(approved).matches();
    }

    /** The substituted text as a pattern: literal text quoted, each stand-in one value (a back-reference later). */
    private static Pattern pattern(String withStandIns) {
        StringBuilder regex = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Matcher m = UNKNOWN_AT.matcher(withStandIns);
        int copied = 0;
        while (m.find()) {
            regex.append(Pattern.quote(withStandIns.substring(copied, m.start())));
            String group = "v" + m.group(1);
            regex.append(seen.add(group) ? "(?<" + group + ">" + VALUE + ")" : "\\k<" + group + ">");
            copied = m.end();
        }
        regex.append(Pattern.quote(withStandIns.substring(copied)));
        return Pattern.compile(regex.toString());
    }

    private static CutoverException refusal(String stepId, JournalEntry approval, String now) {
        return new CutoverException(
                ErrorCode.PLAN_DRIFT,
                "step " + stepId + ": " + RunDirectory.JOURNAL + " entry " + approval.entryId()
                        + " shows `" + approval.cmd() + "` approved, but " + now
                        + ". A resume runs and re-attaches only to what was approved. Restore the inputs and"
                        + " execution-steps.json the run was approved with, or start a new run directory for the"
                        + " changed plan.");
    }
}
