package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The built-in matrix is issue 6's, and combining rows keeps the stricter setting of each. */
class PermissionsTest {
    @Test
    void theBuiltInMatrixIsTheSafeDefaultsOfTheIssue() {
        assertThat(Permissions.builtIn(Environment.SANDBOX))
                .isEqualTo(
                        new Permissions(ApprovalMode.UNATTENDED, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false));
        for (Environment e : new Environment[] {Environment.DEVELOPMENT, Environment.TEST}) {
            assertThat(Permissions.builtIn(e))
                    .isEqualTo(new Permissions(
                            ApprovalMode.DESTRUCTIVE_ONLY, DirectMutation.ALLOWED, AnswersFiles.ALLOWED, false));
        }
        assertThat(Permissions.builtIn(Environment.STAGING))
                .isEqualTo(new Permissions(
                        ApprovalMode.PER_STEP, DirectMutation.DISCOURAGED, AnswersFiles.REFUSED, false));
        assertThat(Permissions.builtIn(Environment.PRODUCTION))
                .isEqualTo(
                        new Permissions(ApprovalMode.PER_STEP, DirectMutation.DISCOURAGED, AnswersFiles.REFUSED, true))
                .isEqualTo(Permissions.floor(Environment.PRODUCTION));
    }

    @Test
    void stricterWinsSettingBySettingWhicheverSideItIsOn() {
        Permissions a =
                new Permissions(ApprovalMode.UNATTENDED, DirectMutation.PIPELINE_ONLY, AnswersFiles.ALLOWED, false);
        Permissions b =
                new Permissions(ApprovalMode.DESTRUCTIVE_ONLY, DirectMutation.ALLOWED, AnswersFiles.REFUSED, true);
        Permissions strictest = new Permissions(
                ApprovalMode.DESTRUCTIVE_ONLY, DirectMutation.PIPELINE_ONLY, AnswersFiles.REFUSED, true);

        assertThat(a.stricter(b)).isEqualTo(strictest);
        assertThat(b.stricter(a)).isEqualTo(strictest);
        assertThat(a.stricter(a)).isEqualTo(a);
    }

    @Test
    void namePatternsMatchWholeNamesIgnoringCase() {
        assertThat(NameGlob.matches("*-prod", "Orders-PROD")).isTrue();
        assertThat(NameGlob.matches("prod-??", "prod-eu")).isTrue();
        assertThat(NameGlob.matches("prod-??", "prod-eu1")).isFalse();
        assertThat(NameGlob.matches("*prod*", "nonprod-sandbox")).isTrue();
        assertThat(NameGlob.matches("*-prod", "orders-production")).isFalse();
        assertThat(NameGlob.matches("a*b*c", "a" + "b".repeat(40) + "d")).isFalse();
    }
}
