package dev.cutover.input;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConfigLoaderTest {
    private final RunConfigLoader loader = new RunConfigLoader(new SchemaValidator());

    @TempDir
    Path dir;

    private RunConfig load(String yaml) throws Exception {
        Files.writeString(dir.resolve("cutover.yaml"), yaml);
        return loader.load(new RunDirectory(dir));
    }

    private List<Problem> problems(String yaml) throws Exception {
        Files.writeString(dir.resolve("cutover.yaml"), yaml);
        CutoverException e = catchThrowableOfType(CutoverException.class, () -> loader.load(new RunDirectory(dir)));
        assertThat(e).as("cutover.yaml %s should be refused", yaml).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        return e.problems();
    }

    @Test
    void anExplicitPollIntervalEqualToTheStepDefaultIsStillAnOverride() throws Exception {
        Files.writeString(dir.resolve("cutover.yaml"), "environment: staging\npoll_interval_seconds: 60\n");

        RunConfig config = loader.load(new RunDirectory(dir));

        assertThat(config.pollInterval()).hasValue(java.time.Duration.ofSeconds(60));
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheKeyItProbablyMeant() throws Exception {
        assertThat(problems("enviroment: sandbox\n")).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/enviroment");
            assertThat(p.message()).isEqualTo("unknown field `enviroment` (did you mean `environment`?)");
            assertThat(p.fix()).startsWith("rename it to `environment`, or remove it; allowed: environment, ");
        });
        assertThat(problems("poll-interval-seconds: 30\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("(did you mean `poll_interval_seconds`?)"));
        assertThat(problems("colour: blue\n")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown field `colour`");
            assertThat(p.fix()).startsWith("remove `colour` or correct its spelling; allowed: ");
        });
    }

    @Test
    void anAllowedProgramsThatAllowsNothingIsRefusedAtItsOwnKey() throws Exception {
        for (String yaml : List.of(
                "allowed_programs: []\n",
                "allowed_programs: {}\n",
                "allowed_programs:\n  read: []\n  write: []\n",
                "allowed_programs:\n  write: []\n")) {
            assertThat(problems(yaml)).as(yaml).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("cutover.yaml");
                assertThat(p.pointer()).isEqualTo("/allowed_programs");
                assertThat(p.message()).startsWith("allowed_programs allows no program: every command but `true`");
                assertThat(p.fix()).contains("allowed_programs: [aws, terraform, dig, true]");
            });
        }
        assertThat(load("allowed_programs:\n  read: [dig]\n  write: []\n").allowedPrograms())
                .as("a read-only run is a policy, not a mistake")
                .isPresent();
    }

    @Test
    void aPollTimeoutIsReadToTheMillisecondAndDefaultsToFiveMinutes() throws Exception {
        assertThat(load("poll_timeout_seconds: 0.25\n").pollTimeout()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(load("environment: sandbox\n").pollTimeout()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(problems("poll_timeout_seconds: 0\n"))
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/poll_timeout_seconds"));
    }

    @Test
    void anAbsentFileMeansTheDefaults() {
        RunConfig config = loader.load(new RunDirectory(dir));

        assertThat(config).isEqualTo(RunConfig.defaults());
        assertThat(config.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(config.allowedPrograms()).isEmpty();
        assertThat(config.identityProbes()).isEmpty();
        assertThat(config.terraformPreflight()).isEqualTo(TerraformPreflight.AUTO);
        assertThat(config.pollInterval()).isEmpty();
    }

    @Test
    void anEmptyFileOrAFileOfCommentsMeansTheDefaults() throws Exception {
        assertThat(load("")).isEqualTo(RunConfig.defaults());
        assertThat(load("# nothing configured yet\n")).isEqualTo(RunConfig.defaults());
    }

    @ParameterizedTest
    @CsvSource({"sandbox,SANDBOX", "development,DEVELOPMENT", "test,TEST", "staging,STAGING", "production,PRODUCTION"})
    void everyEnvironmentClassIsAccepted(String name, Environment expected) throws Exception {
        assertThat(load("environment: " + name + "\n").environment()).isEqualTo(expected);
    }

    @Test
    void aFlatProgramListAllowsThoseProgramsInEveryRole() throws Exception {
        RunConfig config = load("allowed_programs: [aws, terraform, dig, true, kubectl, psql-16, g++]\n");

        assertThat(config.allowedPrograms())
                .contains(AllowedProgramNames.flat(
                        List.of("aws", "terraform", "dig", "true", "kubectl", "psql-16", "g++")));
        assertThat(config.allowedPrograms().orElseThrow().structured()).isFalse();
    }

    @Test
    void aStructuredProgramListKeepsReadAndWriteApart() throws Exception {
        RunConfig config = load("allowed_programs:\n  read: [aws, dig, curl]\n  write: [aws, terraform]\n");

        assertThat(config.allowedPrograms())
                .contains(AllowedProgramNames.structured(List.of("aws", "dig", "curl"), List.of("aws", "terraform")));
    }

    @Test
    void aStructuredListMayOmitOneSide() throws Exception {
        RunConfig config = load("allowed_programs:\n  read: [dig]\n");

        assertThat(config.allowedPrograms().orElseThrow().write()).isEmpty();
        assertThat(config.allowedPrograms().orElseThrow().structured()).isTrue();
    }

    @Test
    void unquotedTrueAndFalseInProgramListsAreProgramNamesNotBooleans() throws Exception {
        RunConfig config = load("allowed_programs:\n  read: [dig, true]\n  write: [false]\n");

        assertThat(config.allowedPrograms())
                .contains(AllowedProgramNames.structured(List.of("dig", "true"), List.of("false")));
    }

    @Test
    void booleansElsewhereAreStillTypeErrors() throws Exception {
        assertThat(problems("identity_probes: [true]\n"))
                .extracting(Problem::message)
                .containsExactly("is a boolean, expected a string");
    }

    @Test
    void programNamesAreBareNames() throws Exception {
        assertThat(problems("allowed_programs:\n  write: [aws, ./deploy.sh, -rf]\n"))
                .extracting(Problem::pointer, Problem::fix)
                .containsExactly(
                        tuple("/allowed_programs/write/1", "match ^[A-Za-z0-9][A-Za-z0-9._+-]*$"),
                        tuple("/allowed_programs/write/2", "match ^[A-Za-z0-9][A-Za-z0-9._+-]*$"));
    }

    @Test
    void allowedProgramsIsAListOrAnObject() throws Exception {
        assertThat(problems("allowed_programs: aws\n"))
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("/allowed_programs", "is a string, expected an array or an object"));
    }

    @Test
    void identityProbesAreKeptInOrder() throws Exception {
        RunConfig config = load("identity_probes:\n  - kubectl auth whoami\n  - vault token lookup\n");

        assertThat(config.identityProbes()).containsExactly("kubectl auth whoami", "vault token lookup");
    }

    @Test
    void anIdentityProbeCannotBeEmpty() throws Exception {
        assertThat(problems("identity_probes: ['']\n"))
                .extracting(Problem::pointer, Problem::fix)
                .containsExactly(tuple("/identity_probes/0", "make it non-empty"));
    }

    @ParameterizedTest
    @CsvSource({"auto,AUTO", "always,ALWAYS", "never,NEVER"})
    void terraformPreflightTakesThreeValues(String name, TerraformPreflight expected) throws Exception {
        assertThat(load("terraform_preflight: " + name + "\n").terraformPreflight())
                .isEqualTo(expected);
    }

    @Test
    void terraformPreflightRefusesOtherValues() throws Exception {
        assertThat(problems("terraform_preflight: sometimes\n"))
                .extracting(Problem::fix)
                .containsExactly("use one of: auto, always, never");
    }

    @ParameterizedTest
    @CsvSource({"sandbox,0.01,10", "development,1,1000", "test,1,1000", "staging,10,10000", "production,10,10000"})
    void pollIntervalMayGoDownToTheEnvironmentFloor(String environment, String floor, long millis) throws Exception {
        RunConfig config = load("environment: " + environment + "\npoll_interval_seconds: " + floor + "\n");

        assertThat(config.pollInterval()).hasValue(java.time.Duration.ofMillis(millis));
    }

    @Test
    void aSandboxMayPollBelowASecondButDevelopmentMayNot() throws Exception {
        assertThat(load("environment: sandbox\npoll_interval_seconds: 0.05\n").pollInterval())
                .hasValue(java.time.Duration.ofMillis(50));
        assertThat(problems("environment: development\npoll_interval_seconds: 0.5\n"))
                .extracting(Problem::message)
                .containsExactly("0.5 s is below the minimum of 1 s for environment development");
    }

    @Test
    void pollIntervalBelowTheStagingFloorIsRefused() throws Exception {
        assertThat(problems("environment: staging\npoll_interval_seconds: 9\n"))
                .containsExactly(new Problem(
                        "cutover.yaml",
                        "/poll_interval_seconds",
                        "9 s is below the minimum of 10 s for environment staging",
                        "set poll_interval_seconds to at least 10, or remove it to poll every 60 s"));
    }

    @Test
    void withoutAnEnvironmentTheProductionFloorApplies() throws Exception {
        assertThat(problems("poll_interval_seconds: 2\n"))
                .extracting(Problem::message)
                .containsExactly("2 s is below the minimum of 10 s for environment production (the default)");
    }

    @Test
    void pollIntervalIsANumberOfSecondsFromOneHundredthToAnHour() throws Exception {
        assertThat(problems("environment: sandbox\npoll_interval_seconds: 0\n"))
                .extracting(Problem::fix)
                .containsExactly("use a value at least 0.01");
        assertThat(problems("poll_interval_seconds: fast\n"))
                .extracting(Problem::message)
                .containsExactly("is a string, expected a number");
        assertThat(problems("poll_interval_seconds: 99999999999\n"))
                .extracting(Problem::fix)
                .containsExactly("use a value at most 3600");
    }

    @Test
    void numbersBeyondTheirRangeAreProblemsNotCrashes() throws Exception {
        // YAML reads 1e400 as infinity; rto_minutes beyond an int used to wrap to a negative number of minutes.
        for (String yaml : List.of("poll_interval_seconds: 1e400\n", "poll_interval_seconds: -1e400\n")) {
            assertThat(problems(yaml)).as(yaml).extracting(Problem::pointer).containsExactly("/poll_interval_seconds");
        }
        for (String rto : List.of("3000000000", "99999999999999999999", "525601")) {
            assertThat(problems("environment: sandbox\nrto_minutes: " + rto + "\n"))
                    .as(rto)
                    .extracting(Problem::pointer, Problem::fix)
                    .containsExactly(tuple("/rto_minutes", "use a value at most 525600"));
        }
    }

    @Test
    void aWebhookUrlThatIsNoUrlIsAProblemThatDoesNotPrintIt() throws Exception {
        List<Problem> problems = problems("environment: sandbox\nnotifications:\n"
                + "  - {name: ok, url: \"https://hooks.example.com/T0/secret-token\"}\n"
                + "  - {name: v6, url: \"http://[::1/secret-token\"}\n"
                + "  - {name: pct, url: \"http://%zz/secret-token\"}\n");

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactly("/notifications/1/url", "/notifications/2/url");
        assertThat(problems)
                .allSatisfy(p ->
                        assertThat(p.message()).startsWith("not a valid URL: ").doesNotContain("secret-token"));
    }

    @Test
    void everyProblemIsReportedAtOnceInPointerOrder() throws Exception {
        assertThat(problems("poll_interval_seconds: '60'\nenvironment: live\ncolor: red\n"))
                .extracting(Problem::pointer)
                .containsExactly("/color", "/environment", "/poll_interval_seconds");
    }

    @Test
    void aDuplicateKeyIsRefused() throws Exception {
        assertThat(problems("environment: sandbox\nenvironment: production\n"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.message())
                            .isEqualTo(
                                    "is not valid YAML at line 2, column 12: the key `environment` appears twice in the"
                                            + " same object");
                    assertThat(p.fix())
                            .startsWith("keep one `environment` and delete the other (the repeat is at line 2")
                            .doesNotContain("missing comma");
                });
    }

    @Test
    void aTopLevelListIsNotAConfiguration() throws Exception {
        assertThat(problems("- environment: staging\n"))
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(tuple("", "is an array, expected an object"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws Exception {
        assertThat(problems("environment: staging\nallowed_programs: [aws\n"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEmpty();
                    assertThat(p.message())
                            .isEqualTo("is not valid YAML at line 2, column 23: while parsing a flow sequence; "
                                    + "expected ',' or ']', but got <stream end>");
                });
    }

    @Test
    void theExceptionNamesTheFileAndTheCount() throws Exception {
        Files.writeString(dir.resolve("cutover.yaml"), "colour: blue\n");

        assertThatThrownBy(() -> loader.load(new RunDirectory(dir)))
                .hasMessage("1 problem in " + dir.resolve("cutover.yaml"));
    }

    @Test
    void theConfigRecordRefusesAnIntervalBelowItsEnvironmentFloor() {
        assertThatThrownBy(() -> new RunConfig(
                        Environment.PRODUCTION,
                        Optional.empty(),
                        List.of(),
                        TerraformPreflight.AUTO,
                        Optional.of(java.time.Duration.ofSeconds(5)),
                        RunConfig.DEFAULT_POLL_TIMEOUT,
                        java.util.Map.of(),
                        List.of(),
                        List.of(),
                        java.util.OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approversMapEachTeamToTheOperatorsWhoMaySignItsGates() throws Exception {
        Files.writeString(
                dir.resolve("cutover.yaml"),
                "environment: staging\napprovers:\n  platform: [alice@example.com, bob]\n  dba: [carol]\n");

        RunConfig config = loader.load(new RunDirectory(dir));

        assertThat(config.approversOf("platform")).containsExactly("alice@example.com", "bob");
        assertThat(config.approversOf("dba")).containsExactly("carol");
        assertThat(config.approversOf("network")).isEmpty();
    }

    @Test
    void aTeamWithAnEmptyOperatorListIsRefusedNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("cutover.yaml"), "approvers:\n  platform: []\n");

        assertThatThrownBy(() -> loader.load(new RunDirectory(dir)))
                .isInstanceOfSatisfying(
                        dev.cutover.error.CutoverException.class,
                        e -> assertThat(e.problems().get(0).pointer()).isEqualTo("/approvers/platform"));
    }

    @Test
    void communicationPlanNotificationsAndRtoAreRead() throws Exception {
        RunConfig config = load("""
                stakeholders:
                  - {team: platform, contact: alice@example.com, channel: "#war-room"}
                  - {team: payments, contact: pager-payments}
                notifications:
                  - {name: war-room, url: "https://hooks.example.com/T1", format: slack}
                  - {name: audit, url: "http://127.0.0.1:8080/events"}
                rto_minutes: 45
                """);

        assertThat(config.stakeholders())
                .containsExactly(
                        new Stakeholder("platform", "alice@example.com", Optional.of("#war-room")),
                        new Stakeholder("payments", "pager-payments", Optional.empty()));
        assertThat(config.webhooks())
                .extracting(Webhook::name, Webhook::format)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("war-room", Webhook.Format.SLACK),
                        org.assertj.core.groups.Tuple.tuple("audit", Webhook.Format.JSON));
        assertThat(config.rtoMinutes()).hasValue(45);
    }

    @Test
    void aWebhookWithoutAnHttpUrlOrAStakeholderWithoutAContactIsRefusedNamingTheField() {
        assertThatThrownBy(() -> load("""
                        stakeholders:
                          - {team: platform}
                        notifications:
                          - {name: hook, url: "ftp://example.com/x"}
                        """))
                .isInstanceOf(dev.cutover.error.CutoverException.class)
                .satisfies(e -> assertThat(((dev.cutover.error.CutoverException) e).problems())
                        .extracting(Problem::pointer)
                        .contains("/stakeholders/0", "/notifications/0/url"));
    }
}
