package dev.cutover.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {

    @ParameterizedTest(name = "{0} (poll={1}) -> {2}")
    @CsvSource({
        "snap, false, snapshot-id",
        "Snap, false, snapshot-id",
        "operator-supplied, false, secret-file",
        "operator_supplied, false, secret-file",
        "target-key, false, target-kms-key-arn",
        "TARGET_KEY, false, target-kms-key-arn",
        "id, true, job-id",
        "ID, true, job-id",
        "id, false, id",
        "target_acct, false, target-acct",
        "Target-Role, false, target-role",
        "snapshot-id, true, snapshot-id"
    })
    void canonicalNameLowercasesUnderscoresAndAliases(String name, boolean poll, String canonical) {
        assertThat(Placeholders.canonical(name, poll)).isEqualTo(canonical);
    }

    @Test
    void findLocatesBothTokenFormsEverywhereInOrder() {
        String text = "aws x --a <snap> --b '{Target_Acct}' \"<id>\" {1x} <a} {} <->";

        assertThat(Placeholders.find(text, true))
                .extracting(Placeholder::raw, Placeholder::canonical)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("<snap>", "snapshot-id"),
                        org.assertj.core.groups.Tuple.tuple("{Target_Acct}", "target-acct"),
                        org.assertj.core.groups.Tuple.tuple("<id>", "job-id"));
        Placeholder first = Placeholders.find(text, true).get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("<snap>");
    }

    @Test
    void findSeesTokensNestedInJsonLikeText() {
        assertThat(Placeholders.find("\"Add=[{UserId={target-acct}}]\"", false))
                .extracting(Placeholder::canonical)
                .containsExactly("target-acct");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--id <snap>|--id 'snap-1'",
                "--id {snapshot_id}|--id 'snap-1'",
                "--id \"<snap>\"|--id \"snap-1\"",
                "--id '<snap>'|--id 'snap-1'",
                "--arn arn:aws:rds:x:{snap}|--arn arn:aws:rds:x:'snap-1'",
                "\"a:{snap}:b\" 'c {snap} d'|\"a:snap-1:b\" 'c snap-1 d'",
                "--x=<snap>|--x='snap-1'"
            })
    void substituteQuotesOutsideQuotesAndInsertsVerbatimInside(String text, String expected) {
        Placeholders.Substitution result = Placeholders.substitute(text, Map.of("snapshot-id", "snap-1"), false);

        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.openParameters()).isEmpty();
    }

    @Test
    void substituteRewritesOpenTokensCanonicallyAndListsThemOnce() {
        Placeholders.Substitution result = Placeholders.substitute(
                "aws s3control describe-job --job-id <id> --account-id <Target_Acct> --x {target-acct} <id>",
                Map.of(),
                true);

        assertThat(result.text())
                .isEqualTo("aws s3control describe-job --job-id {job-id} --account-id {target-acct}"
                        + " --x {target-acct} {job-id}");
        assertThat(result.openParameters()).containsExactly("job-id", "target-acct");
    }

    @Test
    void substituteMapsIdToJobIdOnlyInPollCommands() {
        Map<String, String> values = Map.of("job-id", "j-1");

        assertThat(Placeholders.substitute("--job-id <id>", values, true).text())
                .isEqualTo("--job-id 'j-1'");
        Placeholders.Substitution notPoll = Placeholders.substitute("--job-id <id>", values, false);
        assertThat(notPoll.text()).isEqualTo("--job-id {id}");
        assertThat(notPoll.openParameters()).containsExactly("id");
    }

    @Test
    void substituteAppliesAliasesBeforeLookingUpValues() {
        Map<String, String> values =
                Map.of("secret-file", "/secure/s.json", "target-kms-key-arn", "arn:aws:kms:eu-west-1:2:key/k");

        assertThat(Placeholders.substitute(
                                "--secret-string file://<operator-supplied> --kms-key-id <target-key>", values, false)
                        .text())
                .isEqualTo("--secret-string file://'/secure/s.json' --kms-key-id 'arn:aws:kms:eu-west-1:2:key/k'");
    }

    @Test
    void substituteRefusesUnsafeValuesWithoutEchoingThem() {
        assertThatThrownBy(() -> Placeholders.substitute("--id <snap>", Map.of("snapshot-id", "a'; rm -rf /"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{snapshot-id}")
                .hasMessageNotContaining("rm -rf");
        assertThatThrownBy(() -> Placeholders.substitute("\"<snap>\"", Map.of("snapshot-id", "-x"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void substituteRefusesValuesTheAwsCliWouldReadAsALocalFile() {
        assertThatThrownBy(() -> Placeholders.substitute(
                        "--values-to-add <target-acct>",
                        Map.of("target-acct", "fileb:///root/.aws/credentials"),
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{target-acct} starts with fileb://")
                .hasMessageNotContaining("credentials");
    }

    @Test
    void substituteChecksOnlyValuesItInserts() {
        Map<String, String> values = new HashMap<>();
        values.put("unused", "has space");
        values.put("nulled", null);

        Placeholders.Substitution result = Placeholders.substitute("--x <nulled>", values, false);

        assertThat(result.text()).isEqualTo("--x {nulled}");
        assertThat(result.openParameters()).containsExactly("nulled");
    }

    @Test
    void substituteLeavesTextWithoutTokensUntouched() {
        String text = "aws s3 ls --profile $MIGRATION_TARGET_PROFILE | grep '<b>x' && true";

        assertThat(Placeholders.substitute(text, Map.of("b", "v"), false).text())
                .isEqualTo("aws s3 ls --profile $MIGRATION_TARGET_PROFILE | grep 'vx' && true");
        assertThat(Placeholders.substitute("aws s3 ls", Map.of("b", "v"), false).text())
                .isEqualTo("aws s3 ls");
    }
}
