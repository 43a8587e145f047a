package dev.cutover.review;

import static dev.cutover.review.RollbackCoverageCheckTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunicationCheckTest {
    private static final String STAKEHOLDERS = "cutover.yaml#/stakeholders";

    @TempDir
    Path tmp;

    private final CommunicationCheck check = new CommunicationCheck();

    @Test
    void theDemosOnlyTeamHasAContactAndAChannel() {
        assertThat(ReviewFixture.demo(tmp).findings(check))
                .containsExactly(Finding.pass(
                        CommunicationCheck.NAME,
                        STAKEHOLDERS + "/0",
                        "team platform: you@localhost on this terminal (the demo sends nothing)"));
    }

    @Test
    void noStakeholdersAtAllFailsOnceNamingTheTeamsInvolved() {
        List<Finding> findings =
                ReviewFixture.demo(tmp).yaml("stakeholders", "").findings(check);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).subject()).isEqualTo(STAKEHOLDERS);
        assertThat(findings.get(0).message()).endsWith("lists no stakeholders; teams involved: platform");
    }

    @Test
    void aStakeholderWithoutAChannelFailsNamingTheTeam() {
        List<Finding> findings = stakeholders(
                        "  - {team: platform, contact: alice@example.com}",
                        "  - {team: dba, contact: carol@example.com, channel: \" \"}")
                .findings(check);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FAIL, Status.FAIL);
        assertThat(findings.get(0).subject()).isEqualTo(STAKEHOLDERS + "/0");
        assertThat(findings.get(0).message()).startsWith("team platform (alice@example.com) has no channel");
        assertThat(findings.get(1).subject()).isEqualTo(STAKEHOLDERS + "/1");
        assertThat(findings.get(1).fix()).contains("the dba entry");
    }

    @Test
    void anOwnerTeamWithoutAnEntryFailsAndTheOwnershipContactIsSuggested() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .item("dp-phase3-010-copy-config", i -> i.put("owner_team", "apps"))
                .json(
                        "resource-ownership.json",
                        root -> root.withObject("/teams/apps")
                                .put("contact", "apps-oncall@example.com")
                                .putArray("resources"))
                .findings(check);

        Finding f =
                only(findings.stream().filter(x -> x.status() == Status.FAIL).toList(), STAKEHOLDERS);
        assertThat(f.message())
                .isEqualTo("team apps owns step dp-phase3-010-copy-config but has no stakeholder entry: nobody is"
                        + " told to expect it");
        assertThat(f.fix()).endsWith("(resource-ownership.json names apps-oncall@example.com)");
    }

    @Test
    void aGateApproverTeamNeedsAnEntryToo() {
        List<Finding> findings = ReviewFixture.demo(tmp)
                .json(
                        ReviewFixture.DP,
                        root -> root.withArray("/phases/3/go_no_go_gate/approvers")
                                .add("security"))
                .findings(check);

        assertThat(findings)
                .filteredOn(f -> f.status() == Status.FAIL)
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("team security signs a go/no-go gate"));
    }

    private ReviewFixture stakeholders(String... entries) {
        return ReviewFixture.demo(tmp).yaml("stakeholders", "stakeholders:\n" + String.join("\n", entries));
    }
}
