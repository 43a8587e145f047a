package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.testing.RunDirFixtures;
import dev.cutover.testing.Scenario;
import dev.cutover.testing.StrictXhtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class RunbookCommandTest {
    static final String POINT_OF_NO_RETURN = "dp-phase2-040-datasync-labels";

    @TempDir
    Path tmp;

    @Test
    void writesTheMarkdownAndASelfContainedPageWithEveryStepGateAndThePointOfNoReturn() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        List<String> stepIds = compiledStepIds();

        CliRunner.Result r = CliRunner.run("runbook", "--run-dir", dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Runbook: " + stepIds.size() + " steps, point of no return: " + POINT_OF_NO_RETURN)
                .contains(dir.resolve("runbook.md").toString())
                .contains(dir.resolve("runbook.html").toString());
        String md = Files.readString(dir.resolve("runbook.md"));
        String html = Files.readString(dir.resolve("runbook.html"));
        stepIds.forEach(id -> assertThat(md).contains("`" + id + "`"));
        // A polled step's verify is its poll command: shown once, with what decides it.
        assertThat(md)
                .contains("Checkpoint: verify by running the poll command once more; it passes on a success state.");
        // A manual validation whose MANUAL text repeats its description is listed once.
        assertThat(md)
                .contains(
                        "- [ ] `dp-phase5-030-validate-db`: shipments-db: per-table row counts match; smoke query returns"
                                + " the latest shipment id recorded before the freeze.\n");
        Document doc = StrictXhtml.parse(html);
        assertThat(StrictXhtml.ids(doc, "article"))
                .containsExactlyElementsOf(
                        stepIds.stream().map(id -> "step-" + id).toList());
        assertThat(StrictXhtml.byId(doc, "phase-DP4").getTextContent())
                .contains(
                        "Go/no-go gate",
                        "Both S3 Batch Replication jobs report Complete with 0 failed tasks",
                        "one per team: platform, data-platform");
        assertThat(StrictXhtml.byId(doc, "phase-CP6").getTextContent()).contains("terraform plan reports no changes");
        assertThat(StrictXhtml.byId(doc, "point-of-no-return").getTextContent()).contains(POINT_OF_NO_RETURN);
        assertThat(StrictXhtml.byId(doc, "step-" + POINT_OF_NO_RETURN).getAttribute("class"))
                .contains("pnr");
        assertThat(StrictXhtml.byId(doc, "communication").getTextContent())
                .contains("platform-oncall@northwind.example.com", "data-platformno contact configured");
        assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http", "<link");
    }

    @Test
    void theSameInputsInAnotherDirectoryGiveTheSameBytes() throws Exception {
        Path first = RunDirFixtures.copy("complete", tmp.resolve("first"));
        Path second = RunDirFixtures.copy("complete", tmp.resolve("elsewhere/second"));

        CliRunner.run("runbook", "--run-dir", first.toString());
        CliRunner.run("runbook", "--run-dir", second.toString());
        byte[] markdown = Files.readAllBytes(first.resolve("runbook.md"));
        byte[] html = Files.readAllBytes(first.resolve("runbook.html"));
        CliRunner.run("runbook", "--run-dir", first.toString());

        assertThat(Files.readAllBytes(second.resolve("runbook.md"))).isEqualTo(markdown);
        assertThat(Files.readAllBytes(second.resolve("runbook.html"))).isEqualTo(html);
        assertThat(Files.readAllBytes(first.resolve("runbook.md"))).isEqualTo(markdown);
        assertThat(Files.readAllBytes(first.resolve("runbook.html"))).isEqualTo(html);
    }

    @Test
    void outWritesTheMarkdownThereAndTheHtmlBesideItAndNothingIntoTheRunDirectory() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        List<String> before = RunDirFixtures.snapshot(dir);
        Path out = tmp.resolve("handover/cutover-runbook.md");
        Files.createDirectories(out.getParent());

        CliRunner.Result r = CliRunner.run("runbook", "--run-dir", dir.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out).isRegularFile();
        assertThat(out.resolveSibling("cutover-runbook.html")).isRegularFile();
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void anOutWhoseFolderIsMissingOrAFileIsAUsageErrorNamingItAndNothingIsWritten() throws Exception {
        Path dir = RunDirFixtures.copy("complete", tmp.resolve("run"));
        List<String> before = RunDirFixtures.snapshot(dir);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        CliRunner.Result missing = CliRunner.run(
                "runbook",
                "--run-dir",
                dir.toString(),
                "--out",
                tmp.resolve("no/such/rb.md").toString());
        CliRunner.Result underFile = CliRunner.run(
                "runbook",
                "--run-dir",
                dir.toString(),
                "--out",
                file.resolve("rb.md").toString());
        CliRunner.Result folder = CliRunner.run("runbook", "--run-dir", dir.toString(), "--out", tmp.toString());

        assertThat(missing.exit()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err())
                .contains("--out " + tmp.resolve("no/such/rb.md") + ": the folder " + tmp.resolve("no/such")
                        + " does not exist");
        assertThat(underFile.exit()).isEqualTo(2);
        assertThat(underFile.err()).contains("the folder " + file + " does not exist");
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder; name a file in it");
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void invalidInputExitsTwoAndWritesNothing() {
        Path dir = RunDirFixtures.materialiseInvalid("compile-unknown-operation-type", tmp.resolve("run"));
        List<String> before = RunDirFixtures.snapshot(dir);

        CliRunner.Result r = CliRunner.run("runbook", "--run-dir", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error:");
        assertThat(RunDirFixtures.snapshot(dir)).isEqualTo(before);
    }

    /** The step ids {@code cutover compile} writes for the complete fixture, compiled in a separate copy. */
    @Test
    void aGateOnAPhaseWithoutStepsNamesTheStepItIsAskedBeforeAndOneNoStepFollowsSaysItIsNeverAsked() throws Exception {
        Scenario s = Scenario.demo(tmp)
                .editJson(
                        Scenario.CP,
                        root -> gate((ObjectNode) root.path("phases").get(2), "target bucket exists"))
                .editJson(Scenario.DP, root -> {
                    ObjectNode last = (ObjectNode) root.path("phases").get(4);
                    last.putArray("post_cutover");
                    gate(last, "orders readable through service/live");
                });

        CliRunner.Result r = CliRunner.run("runbook", "--run-dir", s.dir().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        String md = Files.readString(s.dir().resolve("runbook.md"));
        assertThat(CliRunner.run("compile", "--run-dir", s.dir().toString()).exit())
                .isZero();
        List<String> ids = new ArrayList<>();
        new ObjectMapper()
                .readTree(s.dir().resolve("execution-steps.json").toFile())
                .forEach(step -> ids.add(step.path("step_id").asText()));
        // The demo's control plane has no step in phases 2 and 3: the next one after the gated phase 2 is in phase 4.
        String next = "cp-phase4-001-confirm-reader";
        assertThat(ids).contains(next);
        String askedAt = "step " + (ids.indexOf(next) + 1) + ", " + next + " (the phase has no steps of its own)";
        String askedAtInMarkdown = askedAt.replace("(", "\\(").replace(")", "\\)");
        // Where execute asks it (compile/GateAnchors): before the next step of the control plane.
        assertThat(md)
                .contains("; decided before " + askedAtInMarkdown + "\n")
                .contains("**Go/no-go gate**: decided before " + askedAtInMarkdown + ".")
                .containsPattern("- \\*\\*DP5 [^\\n]*; never asked: no step follows it in its plane\n");
        Document doc = StrictXhtml.parse(Files.readString(s.dir().resolve("runbook.html")));
        assertThat(StrictXhtml.byId(doc, "phase-CP2").getTextContent()).contains("Decided before " + askedAt);
    }

    private static void gate(ObjectNode phase, String criterion) {
        ObjectNode gate = phase.putObject("go_no_go_gate");
        gate.putArray("criteria").add(criterion);
        gate.putArray("approvers").add("platform");
    }

    private List<String> compiledStepIds() throws Exception {
        Path scratch = RunDirFixtures.copy("complete", tmp.resolve("compiled"));
        CliRunner.run("compile", "--run-dir", scratch.toString());
        List<String> ids = new ArrayList<>();
        for (JsonNode s : new ObjectMapper()
                .readTree(scratch.resolve("execution-steps.json").toFile())) {
            ids.add(s.path("step_id").asText());
        }
        return ids;
    }
}
