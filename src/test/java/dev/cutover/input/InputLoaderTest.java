package dev.cutover.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLoaderTest {
    private static final String CP = Plane.CP.jsonFile();
    private static final String DP = Plane.DP.jsonFile();

    private final InputLoader loader = new InputLoader(new SchemaValidator());

    @TempDir
    Path tmp;

    @Test
    void upstreamExampleLoadsWithoutProblems() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));

        Inputs inputs = loader.load(new RunDirectory(dir), Optional.of("example-run"));

        assertThat(inputs.controlPlane().plane()).isEqualTo(Plane.CP);
        assertThat(inputs.controlPlane().phases())
                .extracting(ChecklistPhase::number)
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(inputs.controlPlane().handoffCriteria()).hasSize(4);
        assertThat(inputs.dataPlane().freezeWindows())
                .extracting(FreezeWindow::beginsAtStepId)
                .containsExactly("dp-phase4-010-freeze-assets", "dp-phase4-020-freeze-rds");
        assertThat(inputs.migrationPlan().phase(3).orElseThrow().rollback().rollbackWindowMinutes())
                .isEqualTo(60);
        assertThat(inputs.resourceOwnership().teams()).isNotEmpty();
        assertThat(inputs.controlPlaneMarkdown()).contains("APPROVED BY");
    }

    @Test
    void completeFixtureLoadsWithoutProblems() {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.controlPlane().phases()).hasSize(7);
        assertThat(inputs.dataPlane().phases()).hasSize(5);
        assertThat(inputs.migrationPlan().phases()).hasSize(6);
        assertThat(inputs.dataMigrationPlan().datastores()).isNotEmpty();
        assertThat(inputs.dataPlaneMarkdown()).contains("APPROVED BY");
    }

    @Test
    void reportsEveryBrokenFileInOnePass() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.raw(dir, RunDirectory.DEPENDENCY_GRAPH, "{ \"edges\": [ }");
        TestRunDirs.remove(dir, RunDirectory.RESOURCE_OWNERSHIP, "/teams");
        TestRunDirs.replace(dir, CP, "/phases/2/during_cutover/0/time_box_minutes", "ten");

        CutoverException e = loadFailure(dir);

        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.getMessage())
                .isEqualTo("3 problems in " + dir.toAbsolutePath().normalize());
        assertThat(e.problems())
                .extracting(Problem::file, Problem::pointer)
                .containsExactly(
                        tuple(CP, "/phases/2/during_cutover/0/time_box_minutes"),
                        tuple(RunDirectory.DEPENDENCY_GRAPH, ""),
                        tuple(RunDirectory.RESOURCE_OWNERSHIP, ""));
    }

    @Test
    void aMissingRunDirectoryIsNotAnInputProblem() {
        assertThatThrownBy(() -> loader.load(new RunDirectory(tmp.resolve("absent"))))
                .isInstanceOfSatisfying(
                        CutoverException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUN_DIR_NOT_FOUND))
                .hasMessageContaining("absent");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.raw(dir, RunDirectory.MIGRATION_PLAN, "{\n  \"metadata\": {\n    \"run_id\" \"x\"\n  }\n}\n");

        Problem problem = onlyProblem(dir);

        assertThat(problem.message()).startsWith("is not valid JSON at line 3, column 14");
        assertThat(problem.fix()).contains("line 3, column 14");
    }

    @Test
    void duplicateKeysAreRefusedBecauseNobodyKnowsWhichWasSigned() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.raw(dir, RunDirectory.HARDCODED_VALUES, "{\"metadata\": {}, \"metadata\": {}}");

        assertThat(onlyProblem(dir).message()).contains("the key `metadata` appears twice");
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.raw(dir, RunDirectory.HARDCODED_VALUES, "");

        assertThat(onlyProblem(dir))
                .isEqualTo(new Problem(
                        RunDirectory.HARDCODED_VALUES,
                        "",
                        "the file is empty",
                        "replace it with the planner's `hardcoded-values.json`"));
    }

    @Test
    void markdownChecklistsMustBeUtf8() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.write(dir, Plane.CP.markdownFile(), new byte[] {'#', ' ', (byte) 0xC3, '(', '\n'});

        Problem problem = onlyProblem(dir);

        assertThat(problem.file()).isEqualTo(Plane.CP.markdownFile());
        assertThat(problem.message())
                .isEqualTo("is not valid UTF-8: bad byte 0xC3 at line 1, column 3 (byte offset 2)");
        assertThat(problem.fix()).isEqualTo("save the file as UTF-8");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLineOfAMarkdownOrJsonInput() throws Exception {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path md = dir.resolve(Plane.CP.markdownFile());
        String signOff = "> APPROVED BY: Jane Approver  ON: 2026-03-01\n";
        TestRunDirs.write(dir, Plane.CP.markdownFile(), concat(bom, (signOff + Files.readString(md)).getBytes(UTF_8)));
        Path plan = dir.resolve("migration-plan.json");
        TestRunDirs.write(dir, "migration-plan.json", concat(bom, Files.readAllBytes(plan)));

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.controlPlaneMarkdown()).startsWith(signOff);
        assertThat(inputs.migrationPlan().phases()).hasSize(6);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aDirectoryInPlaceOfAFileIsReported() throws Exception {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        Files.delete(dir.resolve(RunDirectory.MIGRATION_PLAN));
        Files.createDirectory(dir.resolve(RunDirectory.MIGRATION_PLAN));

        assertThat(onlyProblem(dir).message()).isEqualTo("is not a regular file");
    }

    @Test
    void unknownOperationTypeIsLeftToTheCompiler() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, DP, "/phases/0/during_cutover/0/operation_type", "teleport-bucket");

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.dataPlane().phases().get(0).duringCutover().get(0).operationType())
                .isEqualTo("teleport-bucket");
    }

    @Test
    void iamPolicyRequiredMayBeAStringOrAnArrayOnEitherPlane() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, CP, "/metadata/iam_policy_required", List.of("target-cutover-control-plane"));
        TestRunDirs.replace(dir, DP, "/metadata/iam_policy_required", "target-cutover-data-plane");

        assertThat(loader.load(new RunDirectory(dir)).dataPlane().phases()).hasSize(5);
    }

    @Test
    void everyFileMustCarryTheRunIdTheOperatorAskedFor() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));

        CutoverException e = catchThrowableOfType(
                CutoverException.class, () -> loader.load(new RunDirectory(dir), Optional.of("other-run")));

        assertThat(e.problems()).hasSize(7).allSatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/metadata/run_id");
            assertThat(p.message()).isEqualTo("run id `example-run` differs from `other-run` given by --run-id");
        });
        assertThat(e.problems())
                .extracting(Problem::file)
                .containsExactly(
                        CP,
                        DP,
                        RunDirectory.DATA_MIGRATION_PLAN,
                        RunDirectory.MIGRATION_PLAN,
                        RunDirectory.DEPENDENCY_GRAPH,
                        RunDirectory.HARDCODED_VALUES,
                        RunDirectory.RESOURCE_OWNERSHIP);
    }

    @Test
    void targetAccountIsComparedOnlyWhereAFileHasOne() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, RunDirectory.MIGRATION_PLAN, "/metadata/target_account_id", "333333333333");

        assertThat(onlyProblem(dir))
                .isEqualTo(
                        new Problem(
                                RunDirectory.MIGRATION_PLAN,
                                "/metadata/target_account_id",
                                "target account 333333333333 differs from 222222222222 in " + CP,
                                "use the target account of the same planner run in every input (regenerate the mismatched file)"));
    }

    @Test
    void aBlankReleaseStepIdIsReportedButNullIsAllowed() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, DP, "/freeze_windows/0/release_step_id", "");
        TestRunDirs.replace(dir, DP, "/freeze_windows/1/release_step_id", null);

        Problem problem = onlyProblem(dir);

        assertThat(problem.pointer()).isEqualTo("/freeze_windows/0/release_step_id");
        assertThat(problem.fix()).contains("null");
    }

    @Test
    void aGateApproverTeamThatDrawsNothingIsRefusedWhereItIsListed() {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        // A space, a zero-width space, a Hangul filler with a no-break space: each looks like no name at all.
        TestRunDirs.replace(dir, CP, "/phases/6/go_no_go_gate/approvers", List.of("platform", " "));
        TestRunDirs.replace(
                dir, DP, "/phases/3/go_no_go_gate/approvers", List.of("\u200B", "platform", "\u3164\u00A0"));

        CutoverException e = loadFailure(dir);

        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.problems())
                .extracting(Problem::file, Problem::pointer)
                .containsExactly(
                        tuple(CP, "/phases/6/go_no_go_gate/approvers/1"),
                        tuple(DP, "/phases/3/go_no_go_gate/approvers/0"),
                        tuple(DP, "/phases/3/go_no_go_gate/approvers/2"));
        assertThat(e.problems().get(0).message())
                .isEqualTo("the go/no-go gate of control-plane phase 6 lists a blank approver team (only spaces or"
                        + " invisible characters): no team could be asked to sign it, and the run would stop there");
        assertThat(e.problems().get(0).fix())
                .isEqualTo("write the team's name as cutover.yaml approvers names it, or remove the entry");
    }

    @Test
    void aTeamListedTwiceInOneGateIsRefusedAtItsSecondEntryButTwoGatesMayShareATeam() {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        TestRunDirs.replace(
                dir, DP, "/phases/3/go_no_go_gate/approvers", List.of("platform", "data-platform", "platform"));

        Problem problem = onlyProblem(dir);

        assertThat(problem.file()).isEqualTo(DP);
        assertThat(problem.pointer()).isEqualTo("/phases/3/go_no_go_gate/approvers/2");
        assertThat(problem.message())
                .isEqualTo("the go/no-go gate of data-plane phase 4 lists approver team `platform` twice (also at"
                        + " approvers/0): it would be asked to sign the same gate twice");
        assertThat(problem.fix()).isEqualTo("remove this entry: each team signs a gate once");
    }

    @Test
    void aDuplicatedPhaseNumberIsReportedWhereTheOrderBreaks() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, RunDirectory.MIGRATION_PLAN, "/phases/4/number", 4);

        CutoverException e = loadFailure(dir);

        assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/phases/4/name", "/phases/4/number");
        assertThat(e.problems().get(1).message())
                .isEqualTo(
                        "phase number 4 at position 5 where phase 5 belongs; phases 1..6 must each appear once, in order");
    }

    @Test
    void aNumberTooLargeForItsFieldIsAProblemNotACrash() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.replace(dir, CP, "/phases/0/pre_cutover/0/time_box_minutes", 99_999_999_999L);

        Problem problem = onlyProblem(dir);

        assertThat(problem.file()).isEqualTo(CP);
        assertThat(problem.pointer()).isEqualTo("/phases/0/pre_cutover/0/time_box_minutes");
    }

    @Test
    void sectionsCutoverDoesNotReadAreCheckedOnlyForUpstreamRequiredMembers() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.remove(dir, RunDirectory.DATA_MIGRATION_PLAN, "/datastores/0/sizing/bytes");
        TestRunDirs.replace(dir, RunDirectory.DATA_MIGRATION_PLAN, "/datastores/0/criticality", 42);
        TestRunDirs.replace(dir, RunDirectory.DEPENDENCY_GRAPH, "/iam_trusts/0/trust_type", "magic");

        assertThat(loadFailure(dir).problems())
                .extracting(Problem::file, Problem::pointer, Problem::fix)
                .containsExactly(
                        tuple(RunDirectory.DATA_MIGRATION_PLAN, "/datastores/0/sizing", "add the field `bytes`"),
                        tuple(
                                RunDirectory.DEPENDENCY_GRAPH,
                                "/iam_trusts/0/trust_type",
                                "use one of: same-account-role, cross-account-role, oidc-github, oidc-gitlab, "
                                        + "oidc-other, irsa-eks, saml-federation, web-identity-cognito, "
                                        + "web-identity-custom, aws-service-principal"));
    }

    @Test
    void problemsAreOrderedByFileThenPointerWithIndexesAsNumbers() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));
        TestRunDirs.deleteFile(dir, Plane.DP.markdownFile());
        TestRunDirs.replace(dir, DP, "/phases/1/during_cutover/0/long_running", "yes");
        TestRunDirs.replace(dir, DP, "/freeze_windows/0/duration_minutes", -1);
        TestRunDirs.replace(dir, CP, "/metadata/plugin_version", 1);

        CutoverException e = loadFailure(dir);

        assertThat(e.problems())
                .extracting(p -> p.file() + " " + p.pointer())
                .containsExactly(
                        CP + " /metadata/plugin_version",
                        DP + " /freeze_windows/0/duration_minutes",
                        DP + " /phases/1/during_cutover/0/long_running",
                        Plane.DP.markdownFile() + " ");
    }

    private CutoverException loadFailure(Path dir) {
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> loader.load(new RunDirectory(dir)));
        assertThat(e).as("loading %s should fail", dir).isNotNull();
        return e;
    }

    private Problem onlyProblem(Path dir) {
        List<Problem> problems = loadFailure(dir).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }
}
