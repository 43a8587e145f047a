package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrgConfigLoaderTest {
    private final OrgConfigLoader loader = new OrgConfigLoader(new SchemaValidator());

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("environments.yaml"), yaml);
    }

    private List<Problem> problems(String yaml) throws Exception {
        Path file = write(yaml);
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> loader.load(file));
        assertThat(e).as("%s should be refused", yaml).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ORG_CONFIG_INVALID);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        return e.problems();
    }

    @Test
    void aValidFileMapsAccountsSystemsAndPatternsAndOverridesOnlyWhatItSays() throws Exception {
        OrgConfig org = loader.load(write("""
                identity_probe: vault-system-id
                environments:
                  development:
                    accounts: ["111111111111"]
                    system_ids: ["lab-7"]
                    account_name_patterns: ["*-dev"]
                    approval: per-step
                  production:
                    accounts: ["999999999999"]
                    direct_mutation: pipeline-only
                """));

        assertThat(org.identityProbe()).hasValue("vault-system-id");
        assertThat(org.classOfId("111111111111"))
                .hasValue(new OrgConfig.Mapping(Environment.DEVELOPMENT, "/environments/development/accounts/0"));
        assertThat(org.classOfId("lab-7"))
                .hasValue(new OrgConfig.Mapping(Environment.DEVELOPMENT, "/environments/development/system_ids/0"));
        assertThat(org.classOfId("222222222222")).isEmpty();
        assertThat(org.classesMatchingName("Orders-DEV"))
                .extracting(OrgConfig.Mapping::environment)
                .containsExactly(Environment.DEVELOPMENT);
        assertThat(org.permissions(Environment.DEVELOPMENT))
                .isEqualTo(new Permissions(ApprovalMode.PER_STEP, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false));
        assertThat(org.permissions(Environment.PRODUCTION))
                .isEqualTo(new Permissions(
                        ApprovalMode.PER_STEP, DirectMutation.PIPELINE_ONLY, AnswersFiles.REFUSED, true));
        assertThat(org.permissions(Environment.SANDBOX)).isEqualTo(Permissions.builtIn(Environment.SANDBOX));
    }

    @Test
    void everySchemaProblemIsNamedWithFilePointerAndFix() throws Exception {
        List<Problem> problems = problems("""
                environments:
                  sandbox:
                    accounts: ["12345"]
                    approval: sometimes
                  qa:
                    accounts: []
                colour: blue
                """);

        assertThat(problems)
                .extracting(Problem::pointer)
                .contains(
                        "/colour",
                        "/environments/qa",
                        "/environments/sandbox/accounts/0",
                        "/environments/sandbox/approval");
        assertThat(problems).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
    }

    @Test
    void anAccountListedUnderTwoClassesIsRefused() throws Exception {
        List<Problem> problems = problems("""
                environments:
                  sandbox:
                    accounts: ["111111111111"]
                  production:
                    accounts: ["111111111111"]
                """);

        assertThat(problems)
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple(
                        "/environments/production/accounts/0",
                        "111111111111 is already listed at /environments/sandbox/accounts/0"));
    }

    @Test
    void productionSettingsLooserThanItsFloorAreRefusedNotIgnored() throws Exception {
        List<Problem> problems = problems("""
                environments:
                  production:
                    approval: unattended
                    direct_mutation: allowed
                    answers_file: allowed
                    rehearsal_required: false
                """);

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/environments/production/approval",
                        "/environments/production/direct_mutation",
                        "/environments/production/answers_file",
                        "/environments/production/rehearsal_required");
        assertThat(problems.stream().filter(p -> p.pointer().endsWith("/approval")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("production approval is always per-step"));
    }

    @Test
    void otherClassesMayBeMadeStricterOrLooserThanTheirDefaults() throws Exception {
        OrgConfig org = loader.load(write("""
                environments:
                  staging:
                    answers_file: allowed
                    direct_mutation: pipeline-only
                  sandbox:
                    approval: per-step
                """));

        assertThat(org.permissions(Environment.STAGING).answersFile()).isEqualTo(AnswersFiles.ALLOWED);
        assertThat(org.permissions(Environment.STAGING).directMutation()).isEqualTo(DirectMutation.PIPELINE_ONLY);
        assertThat(org.permissions(Environment.SANDBOX).approval()).isEqualTo(ApprovalMode.PER_STEP);
    }

    @Test
    void aMissingFileDuplicateKeysAndBadYamlAreNamed() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> loader.load(missing));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(missing.toString());
            assertThat(p.message()).isEqualTo("does not exist");
        });

        assertThat(problems("environments:\n  sandbox: {}\nenvironments:\n  production: {}\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the key `environments` appears twice"));
        assertThat(problems("environments: [unclosed\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not valid YAML at line"));
    }

    @Test
    void anEmptyFileMeansTheBuiltInMatrix() throws Exception {
        OrgConfig org = loader.load(write("# nothing configured yet\n"));

        for (Environment e : Environment.values()) {
            assertThat(org.permissions(e)).isEqualTo(Permissions.builtIn(e));
        }
    }

    @Test
    void theFlagWinsOverTheVariableAndABlankVariableMeansNone() {
        Map<String, String> env = Map.of(OrgConfigLoader.ENV_VARIABLE, "/etc/cutover/environments.yaml");

        assertThat(OrgConfigLoader.locate(Path.of("/srv/org.yaml"), env)).hasValue(Path.of("/srv/org.yaml"));
        assertThat(OrgConfigLoader.locate(null, env)).hasValue(Path.of("/etc/cutover/environments.yaml"));
        assertThat(OrgConfigLoader.locate(null, Map.of(OrgConfigLoader.ENV_VARIABLE, "  ")))
                .isEqualTo(Optional.empty());
        assertThat(OrgConfigLoader.locate(null, Map.of())).isEmpty();
    }
}
