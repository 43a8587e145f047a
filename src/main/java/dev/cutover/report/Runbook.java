package dev.cutover.report;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.time.DurationText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the runbook says, derived once from a {@link RunbookInput} so that the Markdown and the HTML page tell
 * the same story: steps grouped by phase and numbered in execution order, the point of no return, the unwinding
 * order, the post-cutover checks and the teams to keep informed.
 */
final class Runbook {
    private final RunbookInput input;
    private final Optional<PointOfNoReturn> pointOfNoReturn;
    private final List<PhaseSteps> phases;
    private final StepPositions positions;

    /** A phase bucket with its steps, in execution order. */
    record PhaseSteps(RunbookInput.Phase phase, List<ExecutionStep> steps) {}

    /** A team that owns steps or signs gates, with what it owns and signs and how to reach it. */
    record Team(String name, String contact, List<String> steps, List<String> gates) {}

    Runbook(RunbookInput input) {
        this.input = input;
        this.pointOfNoReturn = PointOfNoReturn.of(input.steps());
        this.phases = group(input);
        this.positions = new StepPositions(input.steps());
    }

    RunbookInput input() {
        return input;
    }

    RunbookInput.Context context() {
        return input.context();
    }

    Optional<PointOfNoReturn> pointOfNoReturn() {
        return pointOfNoReturn;
    }

    boolean isPointOfNoReturn(ExecutionStep step) {
        return pointOfNoReturn.map(p -> p.stepId().equals(step.stepId())).orElse(false);
    }

    /** Every bucket in execution order, including empty ones, so a gate on a phase without steps still shows. */
    List<PhaseSteps> phases() {
        return phases;
    }

    /** The buckets that carry a gate. */
    List<PhaseSteps> gated() {
        return phases.stream().filter(p -> p.phase().gate() != null).toList();
    }

    /** Whether {@code step} runs at or after the point of no return. */
    boolean atOrAfterPointOfNoReturn(ExecutionStep step) {
        return pointOfNoReturn.map(p -> sequence(step) >= sequence(p.step())).orElse(false);
    }

    /** What the runbook says of a gate no step follows: execute never asks it (review warns). */
    static final String NEVER_ASKED = "never asked: no step follows it in its plane";

    /**
     * The step the run decides the gate of {@code p} before, in words: {@code step 12}, or for a phase without
     * steps the step of its plane it is asked before, with its id; empty when no step follows the gate.
     */
    Optional<String> decidedBefore(PhaseSteps p) {
        String anchor = p.phase().gate().askedBefore();
        return input.steps().stream()
                .filter(s -> s.stepId().equals(anchor))
                .findFirst()
                .map(step -> "step " + sequence(step)
                        + (p.steps().isEmpty() ? ", " + anchor + " (the phase has no steps of its own)" : ""));
    }

    /** {@code decided before <step>}, or {@link #NEVER_ASKED}. */
    String gateDecision(PhaseSteps p) {
        return decidedBefore(p).map(at -> "decided before " + at).orElse(NEVER_ASKED);
    }

    /** 1-based position of a step in execution order. */
    int sequence(ExecutionStep step) {
        return positions.of(step);
    }

    long estimatedSeconds() {
        return input.steps().stream().mapToLong(ExecutionStep::estimatedSeconds).sum();
    }

    /** Steps with a rollback command, latest first: the order to undo what ran. */
    List<ExecutionStep> unwindOrder() {
        List<ExecutionStep> out = new ArrayList<>(
                input.steps().stream().filter(s -> !s.rollbackCmd().isEmpty()).toList());
        Collections.reverse(out);
        return out;
    }

    /** The steps whose rollback command is the first step of {@code rollback} (FORMATS.md §4.7). */
    List<ExecutionStep> offering(RunbookInput.PlanRollback rollback) {
        String source = "migration-plan.phases[number=" + rollback.number() + "]";
        return input.steps().stream()
                .filter(s -> s.rollbackSource() != null && s.rollbackSource().startsWith(source))
                .toList();
    }

    /**
     * The post-cutover verification checklist: every step of the data-plane validation phase (DP5) and every
     * verify-only step of a post-cutover section, in execution order.
     */
    List<ExecutionStep> verificationChecklist() {
        return input.steps().stream()
                .filter(s -> PhaseKey.of(s).label().equals("DP5")
                        || ("verify-only".equals(s.action()) && "post_cutover".equals(s.sourceSection())))
                .toList();
    }

    /** Owner teams and gate approvers, sorted by name, each with its contact (null when none is configured). */
    List<Team> teams() {
        Map<String, List<String>> steps = new TreeMap<>();
        Map<String, List<String>> gates = new TreeMap<>();
        for (ExecutionStep s : input.steps()) {
            if (s.ownerTeam() != null) {
                steps.computeIfAbsent(s.ownerTeam(), t -> new ArrayList<>()).add(s.stepId());
            }
        }
        for (PhaseSteps p : gated()) {
            for (String team : p.phase().gate().approvers()) {
                gates.computeIfAbsent(team, t -> new ArrayList<>())
                        .add(p.phase().label());
            }
        }
        TreeSet<String> names = new TreeSet<>(steps.keySet());
        names.addAll(gates.keySet());
        return names.stream()
                .map(n -> new Team(
                        n, input.contacts().get(n), steps.getOrDefault(n, List.of()), gates.getOrDefault(n, List.of())))
                .toList();
    }

    /** A step's time box for people: {@code 20 min}, or {@code no time box}. */
    static String timeBox(ExecutionStep step) {
        return step.estimatedSeconds() == 0 ? "no time box" : minutes(step.estimatedSeconds());
    }

    /** Seconds as whole minutes and hours, e.g. {@code 2h 05m} or {@code 45 min}. */
    static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes >= 60 ? DurationText.hoursMinutes(minutes * 60) : minutes + " min";
    }

    /** The lines of a step's notes (MANUAL text, warnings, further rollback steps), blank lines dropped. */
    static List<String> notes(ExecutionStep step) {
        return step.notes() == null
                ? List.of()
                : step.notes().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<PhaseSteps> group(RunbookInput input) {
        Map<String, RunbookInput.Phase> declared = new LinkedHashMap<>();
        input.phases().forEach(p -> declared.put(p.label(), p));
        Map<String, List<ExecutionStep>> byLabel = new LinkedHashMap<>();
        for (ExecutionStep s : input.steps()) {
            byLabel.computeIfAbsent(PhaseKey.of(s).label(), l -> new ArrayList<>())
                    .add(s);
        }
        List<PhaseSteps> out = new ArrayList<>();
        for (PhaseKey key : PhaseKey.all()) {
            List<ExecutionStep> steps = byLabel.getOrDefault(key.label(), List.of());
            RunbookInput.Phase phase = declared.get(key.label());
            if (phase == null) {
                // Inputs always declare every phase; a hand-built input may not, so name it after its steps.
                String name = steps.isEmpty() ? key.label() : steps.get(0).phaseName();
                phase = new RunbookInput.Phase(key.label(), name, null, null);
            }
            out.add(new PhaseSteps(phase, List.copyOf(steps)));
        }
        return List.copyOf(out);
    }
}
