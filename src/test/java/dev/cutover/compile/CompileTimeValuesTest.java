package dev.cutover.compile;

import static dev.cutover.compile.Compiles.DP;
import static dev.cutover.compile.Compiles.Edit.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.error.CutoverException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileTimeValuesTest {
    private static final String DB = "arn:aws:rds:eu-west-1:123456789012:db:shipments-db";

    @TempDir
    Path dir;

    @Test
    void valuesComeFromMetadataPlansAndArns() {
        ExecutionStep restore = Compiles.step(Compiles.complete(), "dp-phase2-030-restore-db");
        assertThat(restore.executeCmd())
                .contains("arn:aws:rds:'eu-west-1':'123456789012':snapshot:{snapshot-id}")
                .contains("--kms-key-id 'arn:aws:kms:eu-west-1:210987654321:key/6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c'");
    }

    @Test
    void kmsKeyFallsBackToTheGraphEdgeWhenThePlanHasNone(@TempDir Path tmp) {
        Plan plan = Compiles.compileEdited(
                tmp, replace("data-migration-plan.json", "/datastores/2/encryption/source_kms_key_arn", "null"));
        assertThat(Compiles.step(plan, "dp-phase1-010-kms-grant-db").previewCmd())
                .contains("key/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    }

    @Test
    void absentSourceLeavesARuntimeParameter(@TempDir Path tmp) {
        Plan plan = Compiles.compileEdited(
                tmp, replace("data-migration-plan.json", "/datastores/2/encryption/target_kms_key_arn", "null"));
        ExecutionStep restore = Compiles.step(plan, "dp-phase2-030-restore-db");
        assertThat(restore.executeCmd()).contains("--kms-key-id {target-kms-key-arn}");
        assertThat(restore.runtimeParams()).contains("target-kms-key-arn");
    }

    @Test
    void regionFallsBackToTheDatastoreArn(@TempDir Path tmp) {
        Plan plan = Compiles.compileEdited(tmp, replace("migration-plan.json", "/metadata/target_region", "null"));
        assertThat(Compiles.step(plan, "dp-phase2-030-restore-db").executeCmd()).contains("arn:aws:rds:'eu-west-1':");
    }

    @Test
    void hostileRegionIsACompileErrorNamingTheField() {
        CutoverException e = Compiles.failure(
                dir, replace("migration-plan.json", "/metadata/target_region", "\"eu-west-1;reboot\""));
        assertThat(Compiles.problemAt(e, "migration-plan.json", "/metadata/target_region")
                        .message())
                .contains("unsafe");
    }

    @Test
    void hostileArnSegmentIsACompileErrorAtTheItemField() {
        CutoverException e = Compiles.failure(
                dir, replace(DP, "/phases/1/during_cutover/2/datastore_arn", "\"" + DB + "$(reboot)\""));
        assertThat(Compiles.problemAt(e, DP, "/phases/1/during_cutover/2/datastore_arn")
                        .message())
                .contains("{db-instance-id}");
    }

    @Test
    void unusedHostileValueIsNoError(@TempDir Path tmp) {
        // No command of the kms-grant-docs step uses the datastore's last segment.
        Plan plan = Compiles.compileEdited(
                tmp, replace("data-migration-plan.json", "/datastores/0/encryption/target_kms_key_arn", "\"a b\""));
        assertThat(plan.steps()).isNotEmpty();
    }

    @Test
    void arnHelpersReadSegmentsAndTypes() {
        assertThat(Arns.lastSegment(DB)).isEqualTo("shipments-db");
        assertThat(Arns.lastSegment("arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-1"))
                .isEqualTo("fs-1");
        assertThat(Arns.resourceType("arn:aws:s3:::bucket")).isEqualTo("AWS::S3::Bucket");
        assertThat(Arns.resourceType(DB)).isEqualTo("AWS::RDS::DBInstance");
        assertThat(Arns.resourceType("arn:aws:dynamodb:eu-west-1:1:table/t")).isEqualTo("AWS::DynamoDB::Table");
        assertThat(Arns.kmsKeyId("arn:aws:kms:eu-west-1:1:key/abc")).isEqualTo("abc");
        assertThat(Arns.kmsKeyId("abc")).isEqualTo("abc");
    }
}
