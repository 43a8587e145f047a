package dev.cutover.engine.walk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import java.util.List;

/**
 * The demo plus, at the start of data-plane phase 2, three jobs ({@link #A}, {@link #B}, {@link #C}) and two quick
 * steps after them, for tests of jobs that are retried or re-attached in the parallel walk. Each start of a job
 * prints a new id ({@code {"JobId":"b-2"}} for job B's second start), which the engine captures for the poll;
 * the poll follows a script per start, {@code RUNNING_POLLS FINAL} pairs: the job of the n-th start reports
 * RUNNING for its first polls, then its final state (the last pair holds for later starts). Counter files, not
 * timing, decide every state: {@code service/<job>.starts} counts the starts, {@code service/<job>.polls} the polls
 * since the last one, and {@code service/<job>.polled} lists the ids polled.
 */
final class RetriedJobs {
    static final String A = "dp-phase2-001-job-a";
    static final String B = "dp-phase2-002-job-b";
    static final String C = "dp-phase2-003-job-c";
    static final String QUICK_1 = "dp-phase2-004-quick-one";
    static final String QUICK_2 = "dp-phase2-005-quick-two";
    /** The demo's point of no return, a barrier every job must have ended before. */
    static final String POINT = "dp-phase3-010-copy-config";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String JOB_SCRIPT = """
            # usage: job.sh start NAME | job.sh poll JOB_ID RUNNING_POLLS FINAL [RUNNING_POLLS FINAL]...
            if [ "$1" = start ]; then
              name=$2
              if [ -e "service/$name.start-fails" ]; then rm "service/$name.start-fails"; echo "no capacity" >&2; exit 1; fi
              echo started >> "service/$name.starts"; echo 0 > "service/$name.polls"
              printf '{"JobId":"%s-%s"}\n' "$name" "$(wc -l < "service/$name.starts")"; exit 0
            fi
            id=$2; name=${id%-*}; start=${id##*-}; shift 2
            echo "$id" >> "service/$name.polled"
            n=$(( $(cat "service/$name.polls") + 1 )); echo "$n" > "service/$name.polls"
            i=1
            while [ "$i" -lt "$start" ] && [ "$#" -gt 2 ]; do shift 2; i=$((i + 1)); done
            if [ "$n" -le "$1" ]; then echo RUNNING; else echo "$2"; fi
            """;

    private RetriedJobs() {}

    /** The plan with each job's poll script, e.g. {@code "0 ERROR 3 SUCCESS"}: fails at once, then 3 polls. */
    static Scenario plan(Scenario demo, String a, String b, String c) {
        return demo.file("service/job.sh", JOB_SCRIPT).editJson(Scenario.DP, root -> {
            ArrayNode during = (ArrayNode) root.path("phases").get(1).path("during_cutover");
            during.add(job(A, a));
            during.add(job(B, b));
            during.add(job(C, c));
            during.add(quick(QUICK_1));
            during.add(quick(QUICK_2));
        });
    }

    /** The job's next start fails (exit 1) before it starts anything. */
    static Scenario failNextStart(Scenario s, String job) {
        return s.file("service/" + name(job) + ".start-fails", "");
    }

    /** The indexes in {@code run}'s timeline of every {@code event} of {@code step}. */
    static List<Integer> indexes(RunOutcome run, String step, String event) {
        List<String> t = run.timeline();
        return java.util.stream.IntStream.range(0, t.size())
                .filter(i -> t.get(i).equals(step + " " + event))
                .boxed()
                .toList();
    }

    /** The timeline's entries strictly between {@code from} and {@code to}. */
    static List<String> between(RunOutcome run, int from, int to) {
        return run.timeline().subList(from + 1, to);
    }

    static String name(String job) {
        return job.substring(job.lastIndexOf('-') + 1);
    }

    private static ObjectNode job(String id, String script) {
        ObjectNode item = item(id);
        item.put("command", "bash service/job.sh start " + name(id));
        item.put("long_running", true);
        item.put("poll_cmd", "bash service/job.sh poll {job-id} " + script);
        item.putArray("poll_terminal_states").add("SUCCESS").add("ERROR");
        item.put("verification_command", "test -e service/" + name(id) + ".starts");
        return item;
    }

    private static ObjectNode quick(String id) {
        ObjectNode item = item(id);
        item.put("command", "touch service/" + id);
        item.put("long_running", false);
        item.putArray("poll_terminal_states");
        item.put("verification_command", "test -e service/" + id);
        return item;
    }

    private static ObjectNode item(String id) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("description", "Retry test step " + id + ".");
        item.put("owner_team", "platform");
        item.putNull("datastore_arn");
        item.put("operation_type", "lambda-code-upload");
        item.put("tool", "shell");
        item.put("time_box_minutes", 1);
        item.put("irreversible", false);
        return item;
    }
}
