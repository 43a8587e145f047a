package dev.cutover.bench;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.compile.PointOfNoReturn;
import dev.cutover.input.Inputs;
import dev.cutover.input.Plane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shortest time the walk's rules allow for a compiled plan if every step took exactly its simulated
 * duration and nothing else took any time: the critical path of the graph whose edges are the steps'
 * {@code requires}, the one-at-a-time order of approvals (a step starts when the walk has finished asking and
 * running the previous one; a long-running job hands the walk back as soon as it is started), the barriers
 * before a gated phase's first step, the handoff and the point of no return (every earlier step finished), and
 * at most {@code maxJobs} jobs in flight. With {@code maxJobs = 0} every job is waited for where it starts: the
 * sequential walk, whose time is the sum of all durations.
 */
final class CriticalPath {
    private final List<ExecutionStep> steps;
    private final Set<String> barriers;

    /** @param barriers ids of the steps before which every earlier step must have finished */
    CriticalPath(List<ExecutionStep> steps, Set<String> barriers) {
        this.steps = List.copyOf(steps);
        this.barriers = Set.copyOf(barriers);
    }

    /** The barriers the engine applies to {@code steps}: gated phases' first steps, the handoff, the point of no return. */
    static CriticalPath of(List<ExecutionStep> steps, Inputs inputs) {
        Set<String> gated = new HashSet<>();
        for (Plane plane : Plane.values()) {
            inputs.checklist(plane).phases().stream()
                    .filter(p -> p.goNoGoGate() != null)
                    .forEach(p -> gated.add(plane.prefix() + p.number()));
        }
        Set<String> barriers = new HashSet<>();
        String phase = null;
        for (ExecutionStep s : steps) {
            String key = s.plane() + s.phaseNumber() + (s.handoff() ? "h" : "");
            if ((!key.equals(phase) && gated.contains(key)) || s.handoff()) {
                barriers.add(s.stepId());
            }
            phase = key;
        }
        PointOfNoReturn.of(steps).ifPresent(p -> barriers.add(p.stepId()));
        return new CriticalPath(steps, barriers);
    }

    Set<String> barriers() {
        return barriers;
    }

    /** The walk's end time in ms when step {@code id} lasts {@code durations.get(id)} (absent: 0). */
    long millis(Map<String, Long> durations, int maxJobs) {
        Map<String, Long> finish = new HashMap<>();
        List<Long> jobEnds = new ArrayList<>();
        long walk = 0;
        long allFinished = 0;
        for (ExecutionStep s : steps) {
            if (barriers.contains(s.stepId())) {
                walk = Math.max(walk, allFinished);
            }
            for (String r : s.requires()) {
                walk = Math.max(walk, finish.getOrDefault(r, 0L));
            }
            long d = durations.getOrDefault(s.stepId(), 0L);
            if (s.longRunning() && maxJobs > 0) {
                walk = waitForSlot(jobEnds, walk, maxJobs);
                jobEnds.add(walk + d);
                finish.put(s.stepId(), walk + d);
            } else {
                walk += d;
                finish.put(s.stepId(), walk);
            }
            allFinished = Math.max(allFinished, finish.get(s.stepId()));
        }
        return Math.max(walk, allFinished);
    }

    /** The sum of all durations: the strict one-step-at-a-time walk. */
    long sequentialMillis(Map<String, Long> durations) {
        return millis(durations, 0);
    }

    private static long waitForSlot(List<Long> jobEnds, long walk, int maxJobs) {
        long now = walk;
        while (true) {
            final long t = now;
            jobEnds.removeIf(end -> end <= t);
            if (jobEnds.size() < maxJobs) {
                return now;
            }
            now = jobEnds.stream().mapToLong(Long::longValue).min().orElseThrow();
        }
    }
}
