package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearMissFieldsTest {
    private static final String CP = Plane.CP.jsonFile();
    private static final String DP = Plane.DP.jsonFile();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputLoader loader = new InputLoader(new SchemaValidator());

    @TempDir
    Path tmp;

    @Test
    void aMisspeltSafetyFieldIsRefusedNamingFilePointerAndTheFieldItProbablyMeant() throws IOException {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        rename(dir, DP, "/phases/3/during_cutover/2", "verification_command", "verification_comand");
        rename(dir, DP, "/phases/3/during_cutover/2", "irreversible", "irreversable");
        rename(dir, DP, "/freeze_windows/0", "release_step_id", "release_step");
        rename(dir, CP, "/phases/6", "go_no_go_gate", "Go-No-Go-Gate");
        put(dir, CP, "/phases/1/during_cutover/0", "rollback_comand", "terraform destroy -target=module.networking");

        CutoverException e = catchThrowableOfType(CutoverException.class, () -> loader.load(new RunDirectory(dir)));

        assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.problems())
                .extracting(Problem::file, Problem::pointer)
                .containsExactly(
                        tuple(CP, "/phases/1/during_cutover/0/rollback_comand"),
                        tuple(CP, "/phases/6/Go-No-Go-Gate"),
                        tuple(DP, "/freeze_windows/0/release_step"),
                        tuple(DP, "/phases/3/during_cutover/2/irreversable"),
                        tuple(DP, "/phases/3/during_cutover/2/verification_comand"));
        assertThat(e.problems().get(4).message())
                .isEqualTo("unknown field `verification_comand` (did you mean `verification_command`?): Cutover"
                        + " ignores fields it does not know, so the step would have no verification command of its"
                        + " own");
        assertThat(e.problems().get(4).fix()).startsWith("rename it to `verification_command`");
        assertThat(e.problems().get(3).message())
                .contains("(did you mean `irreversible`?)")
                .contains("second confirmation");
        assertThat(e.problems().get(0).message()).contains("(did you mean `rollback_command`?)");
        assertThat(e.problems().get(1).message()).contains("(did you mean `go_no_go_gate`?)");
        assertThat(e.problems().get(2).message()).contains("(did you mean `release_step_id`?)");
    }

    @Test
    void aNearMissOfAFieldThatChangesNothingSafetyRelatedIsAWarningNotARefusal() throws IOException {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        rename(dir, DP, "/phases/0/during_cutover/0", "owner_team", "ownerTeam");
        rename(dir, RunDirectory.MIGRATION_PLAN, "/phases/0/steps/0", "owner_team", "owner-team");

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.inputWarnings())
                .containsExactly(
                        DP + ": /phases/0/during_cutover/0/ownerTeam: unknown field `ownerTeam` (did you mean"
                                + " `owner_team`?) is ignored; rename it to `owner_team`, or remove it",
                        RunDirectory.MIGRATION_PLAN + ": /phases/0/steps/0/owner-team: unknown field `owner-team` (did"
                                + " you mean `owner_team`?) is ignored; rename it to `owner_team`, or remove it");
    }

    @Test
    void anUnknownFieldThatIsNoNearMissStaysAcceptedWithoutAWord() throws IOException {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        put(dir, DP, "/phases/3/during_cutover/2", "x_change_ticket", "CHG-1234");
        put(dir, DP, "", "planner_notes", "free text");

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.inputWarnings()).isEmpty();
    }

    @Test
    void anUnknownFieldBesideTheFieldItResemblesIsASecondFieldNotAMisspelling() throws IOException {
        // Upstream writes rpo_target_minutes next to rto_target_minutes: one letter apart, two different fields.
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        put(dir, DP, "/phases/3/during_cutover/2", "verification_commands", "echo extra");

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.inputWarnings()).isEmpty();
    }

    @Test
    void teamNamesInTheOwnershipMapAreNamesNotFieldsAndAreNeverGuessedAt() throws IOException {
        Path dir = TestRunDirs.complete(tmp.resolve("run"));
        JsonNode team = read(dir, RunDirectory.RESOURCE_OWNERSHIP)
                .path("teams")
                .elements()
                .next();
        put(dir, RunDirectory.RESOURCE_OWNERSHIP, "/teams", "metadat", team);

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.inputWarnings()).isEmpty();
    }

    @Test
    void theUpstreamExampleHasNoNearMissAlthoughItCarriesManyFieldsCutoverDoesNotRead() {
        Path dir = TestRunDirs.upstream(tmp.resolve("run"));

        Inputs inputs = loader.load(new RunDirectory(dir));

        assertThat(inputs.inputWarnings()).isEmpty();
    }

    @Test
    void twoEquallyNearSafetyFieldsAreBothNamed() {
        ObjectNode properties = JSON.createObjectNode();
        properties.putObject("poll_cmd");
        properties.putObject("poll_cmds");
        ObjectNode schema = JSON.createObjectNode();
        schema.set("properties", properties);
        ObjectNode document = JSON.createObjectNode().put("poll_cmdz", "x");

        NearMissFields.Found found = NearMissFields.find(schema, "f.json", document);

        assertThat(found.refused())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("unknown field `poll_cmdz` (did you mean `poll_cmd` or `poll_cmds`?)"));
    }

    private static void rename(Path dir, String file, String at, String from, String to) throws IOException {
        JsonNode root = read(dir, file);
        ObjectNode object = (ObjectNode) root.at(at);
        Map.Entry<String, JsonNode> moved = Map.entry(to, object.remove(from));
        object.set(moved.getKey(), moved.getValue());
        write(dir, file, root);
    }

    private static void put(Path dir, String file, String at, String field, Object value) throws IOException {
        JsonNode root = read(dir, file);
        ((ObjectNode) root.at(at)).set(field, JSON.valueToTree(value));
        write(dir, file, root);
    }

    private static JsonNode read(Path dir, String file) throws IOException {
        return JSON.readTree(dir.resolve(file).toFile());
    }

    private static void write(Path dir, String file, JsonNode root) throws IOException {
        Files.writeString(
                dir.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
