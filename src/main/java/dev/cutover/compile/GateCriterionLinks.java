package dev.cutover.compile;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which step's verify command checks a go/no-go criterion (docs/approvals.md): a criterion that names a step of the
 * plan (e.g. "dp-phase2-010-copy-data: bulk copy complete") is checked, when its gate is asked, by running that
 * step's read-only verify command; the first step id in the text that names such a step is the link. A human
 * step's verify is its operator (compiled as {@code true}), so naming one links nothing. The walk's check and
 * compile's order rule ({@link GateCriteriaOrder}) both ask here, so they cannot disagree about which step a
 * criterion depends on.
 */
public final class GateCriterionLinks {
    private static final Pattern STEP_ID = Pattern.compile("\\b(?:cp|dp)-phase[0-6]-[0-9]{3}-[a-z0-9]+(?:-[a-z0-9]+)*");

    private GateCriterionLinks() {}

    /** The step whose verify checks {@code criterion}, among {@code stepsById}; empty when it names none. */
    public static Optional<ExecutionStep> linkedStep(String criterion, Map<String, ExecutionStep> stepsById) {
        Matcher m = STEP_ID.matcher(criterion);
        while (m.find()) {
            ExecutionStep step = stepsById.get(m.group());
            if (step != null && checksSomething(step)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static boolean checksSomething(ExecutionStep step) {
        return !step.human()
                && step.verifyCmd() != null
                && !CommandSelector.TRUE.equals(step.verifyCmd().strip());
    }
}
