package dev.cutover.report;

import static dev.cutover.testing.StrictXhtml.byId;
import static dev.cutover.testing.StrictXhtml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.compile.ExecutionStep;
import dev.cutover.testing.StrictXhtml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RunbookTest {
    static final String HOSTILE = "<script>alert('x')</script> \"><img src=x onerror=alert(1)> & [link](http://e.vil)";
    static final String HOSTILE_COMMAND = "echo '</pre><script>alert(1)</script>' && echo \"```\"";

    @Test
    void theMarkdownNamesEveryStepInExecutionOrder() {
        String md = RunbookMarkdown.render(input(Scenario.PLAN));

        int last = -1;
        for (ExecutionStep s : Scenario.PLAN) {
            int at = md.indexOf(": `" + s.stepId() + "`");
            assertThat(at).as(s.stepId()).isGreaterThan(last);
            last = at;
        }
        assertThat(md).contains("#### Step 11 of 11: `" + Scenario.VALIDATE + "`");
    }

    @Test
    void theHtmlIsWellFormedWithOneArticlePerStepInExecutionOrder() {
        Document doc = StrictXhtml.parse(RunbookHtml.render(input(Scenario.PLAN)));

        assertThat(StrictXhtml.ids(doc, "article"))
                .containsExactlyElementsOf(
                        Scenario.PLAN.stream().map(s -> "step-" + s.stepId()).toList());
        assertThat(elements(doc, "script")).isEmpty();
        assertThat(elements(doc, "link")).isEmpty();
        assertThat(elements(doc, "img")).isEmpty();
    }

    @Test
    void theIrreversibleDnsSwitchIsThePointOfNoReturnNearTheTopAndOnItsStep() {
        String md = RunbookMarkdown.render(input(Scenario.PLAN));
        Document doc = StrictXhtml.parse(RunbookHtml.render(input(Scenario.PLAN)));

        assertThat(md.indexOf("## Point of no return\n\n**Step 10 `" + Scenario.DNS + "`**"))
                .isPositive()
                .isLessThan(md.indexOf("## Sequenced steps"));
        assertThat(md).contains("#### Step 10 of 11: `" + Scenario.DNS + "` — POINT OF NO RETURN\n");
        assertThat(byId(doc, "point-of-no-return").getTextContent()).contains(Scenario.DNS, "irreversible");
        Element step = byId(doc, "step-" + Scenario.DNS);
        assertThat(step.getAttribute("class")).contains("pnr");
        assertThat(step.getTextContent()).contains("POINT OF NO RETURN");
        assertThat(byId(doc, "step-" + Scenario.FREEZE).getTextContent()).doesNotContain("POINT OF NO RETURN");
    }

    @Test
    void aPlanWithoutAPointOfNoReturnSaysSo() {
        List<ExecutionStep> reversible =
                Scenario.PLAN.stream().filter(s -> !s.irreversible()).toList();

        assertThat(RunbookMarkdown.render(input(reversible)))
                .contains("## Point of no return\n\n" + RunbookText.NO_POINT_OF_NO_RETURN + "\n");
    }

    @Test
    void eachGateShowsItsCriteriaAndApproverTeamsBeforeItsPhasesFirstStep() {
        String md = RunbookMarkdown.render(input(Scenario.PLAN));
        Document doc = StrictXhtml.parse(RunbookHtml.render(input(Scenario.PLAN)));

        int gate = md.indexOf("**Go/no-go gate**: decide before the first step of this phase.\n\n"
                + "- [ ] Target orders DB is available\n- [ ] DNS TTL lowered to 60 s\n\n"
                + "Sign-off: one per team: platform, data-platform.\n");
        assertThat(gate).isPositive().isLessThan(md.indexOf("#### Step 9 of 11: `" + Scenario.FREEZE + "`"));
        assertThat(md.indexOf("### DP4 Cutover")).isLessThan(gate);
        Element phase = byId(doc, "phase-DP4");
        assertThat(phase.getTextContent())
                .contains("Go/no-go gate", "Target orders DB is available", "one per team: platform, data-platform");
        assertThat(byId(doc, "gates").getTextContent()).contains("DP4 Cutover", "step 9");
    }

    @Test
    void hostileTextIsEscapedInBothDocumentsAndShownExactlyAsWritten() {
        List<ExecutionStep> plan = new ArrayList<>(Scenario.PLAN);
        plan.set(1, StepEdits.describedAs(plan.get(1), HOSTILE, HOSTILE_COMMAND));
        RunbookInput input = input(plan);

        Document doc = StrictXhtml.parse(RunbookHtml.render(input));
        String md = RunbookMarkdown.render(input);

        assertThat(elements(doc, "script")).isEmpty();
        assertThat(elements(doc, "img")).isEmpty();
        Element step = byId(doc, "step-" + Scenario.VPC);
        assertThat(description(step)).isEqualTo(HOSTILE);
        assertThat(step.getTextContent()).contains(HOSTILE_COMMAND);
        assertThat(md)
                .contains("\\<script\\>alert\\('x'\\)\\</script\\> \"\\>\\<img src=x onerror=alert\\(1\\)\\> & "
                        + "\\[link\\]\\(http://e.vil\\)\n")
                .contains("````sh\n" + HOSTILE_COMMAND + "\n````\n");
    }

    @Test
    void controlAndBidiCharactersAreShownAsEscapesSoThePageStaysValidXml() {
        List<ExecutionStep> plan = new ArrayList<>(Scenario.PLAN);
        plan.set(1, StepEdits.describedAs(plan.get(1), "bell\u0007 and \u202egnp.exe\u0000", "true\u001b[31m"));

        Document doc = StrictXhtml.parse(RunbookHtml.render(input(plan)));

        Element step = byId(doc, "step-" + Scenario.VPC);
        assertThat(description(step)).isEqualTo("bell\\u0007 and \\u202egnp.exe\\u0000");
        // Markdown escapes the backslash of each escape too, so a reader sees exactly \u0007 rendered.
        assertThat(RunbookMarkdown.render(input(plan))).contains("bell\\\\u0007 and \\\\u202egnp.exe\\\\u0000");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(RunbookMarkdown.render(input(Scenario.PLAN)))
                .isEqualTo(RunbookMarkdown.render(input(Scenario.PLAN)));
        assertThat(RunbookHtml.render(input(Scenario.PLAN))).isEqualTo(RunbookHtml.render(input(Scenario.PLAN)));
    }

    @Test
    void ownerTeamsWithoutAContactSayNoContactConfigured() {
        Map<String, String> contacts = new HashMap<>();
        contacts.put("platform", "platform-oncall@example.com");
        contacts.put("data-platform", null);
        RunbookInput input = input(Scenario.PLAN, contacts);

        assertThat(RunbookMarkdown.render(input))
                .contains("| data-platform | no contact configured | 0 | DP4 |\n")
                .contains("| platform | platform-oncall@example.com | 11 | DP4 |\n");
        assertThat(byId(StrictXhtml.parse(RunbookHtml.render(input)), "communication")
                        .getTextContent())
                .contains("data-platformno contact configured");
    }

    @Test
    void theRollbackProcedureUnwindsStepsWithARollbackLatestFirstUnderEachPlanPhase() {
        List<ExecutionStep> plan = new ArrayList<>(Scenario.PLAN);
        plan.set(
                1, StepEdits.withRollback(plan.get(1), 1, "terraform destroy -target=module.networking -auto-approve"));
        plan.set(7, StepEdits.withRollback(plan.get(7), 2, "aws s3 rm s3://target --recursive"));

        String md = RunbookMarkdown.render(input(plan));

        assertThat(md.indexOf("1. `" + Scenario.DATASYNC + "` (window 30 min"))
                .isPositive()
                .isLessThan(md.indexOf("2. `" + Scenario.VPC + "` (window 30 min"));
        assertThat(md)
                .contains("#### Plan phase 1 Networking (rollback window 30 min)\n\nRemove the VPC.\n\nStep 1:\n\n"
                        + "```sh\nterraform destroy -target=module.networking -auto-approve\n```\n\n"
                        + "Step 2:\n\n```sh\nterraform destroy -target=module.endpoints -auto-approve\n```\n\n"
                        + "Step 1 is offered in the failure dialog of: `" + Scenario.VPC + "`; further steps are in"
                        + " those steps' notes.\n");
    }

    static RunbookInput input(List<ExecutionStep> steps) {
        return input(steps, Map.of("platform", "platform-oncall@example.com"));
    }

    static RunbookInput input(List<ExecutionStep> steps, Map<String, String> contacts) {
        return new RunbookInput(
                new RunbookInput.Context(
                        "northwind-42",
                        "staging",
                        true,
                        "111111111111",
                        "222222222222",
                        List.of("control plane 2026-03-01T09:00:00Z", "data plane 2026-03-01T09:00:00Z"),
                        "0".repeat(64)),
                steps,
                List.of(new RunbookInput.Phase(
                        "DP4",
                        "Cutover",
                        "Freeze, then switch DNS.",
                        new RunbookInput.Gate(
                                List.of("Target orders DB is available", "DNS TTL lowered to 60 s"),
                                List.of("platform", "data-platform"),
                                Scenario.FREEZE))),
                List.of(new RunbookInput.PlanRollback(
                        1,
                        "Networking",
                        "Remove the VPC.",
                        List.of(
                                "terraform destroy -target=module.networking -auto-approve",
                                "terraform destroy -target=module.endpoints -auto-approve"),
                        30)),
                List.of(new RunbookInput.Freeze(
                        Scenario.ORDERS_FREEZE.datastoreArn(), 30, Scenario.FREEZE, Scenario.VALIDATE, null)),
                contacts);
    }

    /** The paragraph under a step's heading. */
    private static String description(Element step) {
        return step.getElementsByTagName("p").item(0).getTextContent();
    }
}
