package dev.cutover.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the cutover window is expected to take, from the steps' time boxes: walked strictly one step at a time
 * (the sum), and walked as the parallel walk does (issue 7) — a long-running job runs on while the next steps are
 * asked, a step starts once the jobs it requires have ended, barriers wait for every job, and at most
 * {@code maxParallelJobs} jobs run at once. Approvals are counted as instant.
 *
 * @param sequentialSeconds the sum of every step's time box
 * @param parallelSeconds the critical-path estimate of the parallel walk
 * @param maxParallelJobs the bound the parallel estimate assumes
 */
public record WindowEstimate(long sequentialSeconds, long parallelSeconds, int maxParallelJobs) {
    /** Estimates {@code steps} (execution order) under {@code barriers}. */
    public static WindowEstimate of(List<ExecutionStep> steps, JobBarriers barriers, int maxParallelJobs) {
        long sequential = 0;
        long now = 0;
        Map<String, Long> endsAt = new HashMap<>();
        List<Long> jobsEndAt = new ArrayList<>();
        for (ExecutionStep step : steps) {
            sequential += step.estimatedSeconds();
            long start = now;
            if (barriers.before(step).isPresent()) {
                start = Math.max(start, latest(jobsEndAt));
                jobsEndAt.clear();
            }
            for (String required : step.requires()) {
                start = Math.max(start, endsAt.getOrDefault(required, 0L));
            }
            long startAt = start;
            jobsEndAt.removeIf(end -> end <= startAt);
            long end = start + step.estimatedSeconds();
            if (step.longRunning()) {
                if (jobsEndAt.size() >= maxParallelJobs) {
                    start = Math.max(start, earliest(jobsEndAt));
                    long freed = start;
                    jobsEndAt.removeIf(e -> e <= freed);
                    end = start + step.estimatedSeconds();
                }
                jobsEndAt.add(end);
                now = start;
            } else {
                now = end;
            }
            endsAt.put(step.stepId(), end);
        }
        return new WindowEstimate(sequential, Math.max(now, latest(jobsEndAt)), maxParallelJobs);
    }

    private static long latest(List<Long> ends) {
        return ends.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long earliest(List<Long> ends) {
        return ends.stream().mapToLong(Long::longValue).min().orElse(0);
    }
}
