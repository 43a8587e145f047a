package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.policy.AllowedPrograms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {
    private final CompileErrors errors = new CompileErrors();
    private final CommandPreparer preparer = new CommandPreparer(AllowedPrograms.upstreamDefault(), errors);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "terraform-apply",
                "snapshot-share",
                "snapshot-restore",
                "ami-share",
                "kms-grant",
                "datasync-start",
                "dms-start-replication-task",
                "s3-sync",
                "s3-batch-replication-job",
                "dynamodb-export",
                "dynamodb-import",
                "secret-put-value",
                "route53-change",
                "rds-promote-read-replica"
            })
    void everyTemplateCommandIsExecutableInItsRoleWithPlaceholdersOpen(String action) {
        Template t = Templates.forAction(action, "AWS::RDS::DBInstance").orElseThrow();
        if (t.preview() != null) {
            assertThat(prepare(t.preview(), CommandPreparer.Purpose.read(CommandPreparer.TARGET_PROFILE)))
                    .as(action + " preview")
                    .isTrue();
        }
        if (t.execute() != null) {
            assertThat(prepare(t.execute(), CommandPreparer.Purpose.write()))
                    .as(action + " execute")
                    .isTrue();
        }
        if (t.verify() != null) {
            assertThat(prepare(t.verify(), CommandPreparer.Purpose.read(CommandPreparer.TARGET_PROFILE)))
                    .as(action + " verify")
                    .isTrue();
        }
        assertThat(errors.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "datasync-start",
                "dms-start-replication-task",
                "s3-batch-replication-job",
                "dynamodb-export",
                "dynamodb-import",
                "snapshot-restore",
                "cognito-idp-import-job"
            })
    void everyPollRowIsAnExecutableReadOnlyPollWithASuccessState(String action) {
        PollRule rule = PollRules.forAction(action, "AWS::RDS::DBInstance").orElseThrow();
        var purpose = CommandPreparer.Purpose.poll(rule.query(), CommandPreparer.TARGET_PROFILE);
        assertThat(prepare(rule.describeCall(), purpose)).as(action).isTrue();
        assertThat(rule.success()).isNotEmpty();
        assertThat(rule.success()).doesNotContainAnyElementsOf(rule.failure());
    }

    @Test
    void elidedUpstreamTemplatesHaveNoExecuteCommand() {
        assertThat(Templates.forAction("s3-batch-replication-job", null)
                        .orElseThrow()
                        .execute())
                .isNull();
        assertThat(Templates.forAction("dynamodb-import", null).orElseThrow().execute())
                .isNull();
    }

    @Test
    void rdsOnlyTemplatesAndPollRowDoNotApplyToOtherResources() {
        assertThat(Templates.forAction("snapshot-share", "AWS::EC2::Snapshot")).isEmpty();
        assertThat(Templates.forAction("snapshot-restore", "AWS::EC2::Snapshot"))
                .isEmpty();
        assertThat(Templates.forAction("rds-promote-read-replica", null)).isEmpty();
        assertThat(PollRules.forAction("snapshot-restore", "AWS::EC2::Snapshot"))
                .isEmpty();
        assertThat(Templates.forAction("snapshot-restore", "AWS::RDS::DBCluster"))
                .isPresent();
    }

    private boolean prepare(String raw, CommandPreparer.Purpose purpose) {
        return preparer.prepare(raw, purpose, Map.of()).executable();
    }
}
