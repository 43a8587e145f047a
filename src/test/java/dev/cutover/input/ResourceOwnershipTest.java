package dev.cutover.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner of a resource is the alphabetically first team listing it, whatever the file's key order. */
class ResourceOwnershipTest {
    private static final String SHARED = "arn:aws:s3:::shared";
    private static final String OWN = "arn:aws:s3:::own";

    private static ResourceOwnership ownership() {
        Map<String, ResourceOwnership.Team> teams = new LinkedHashMap<>();
        teams.put("zeta", new ResourceOwnership.Team(List.of(SHARED, OWN), null));
        teams.put("alpha", new ResourceOwnership.Team(List.of("arn:aws:s3:::other", SHARED), null));
        teams.put("mid", new ResourceOwnership.Team(List.of(SHARED), null));
        return new ResourceOwnership(teams, List.of());
    }

    @Test
    void theIndexHasEveryListedResourceWithTheAlphabeticallyFirstTeamListingIt() {
        Map<String, String> owners = ownership().ownersByArn();

        assertThat(owners).containsEntry(SHARED, "alpha").containsEntry(OWN, "zeta");
        assertThat(owners).doesNotContainKey("arn:aws:s3:::unlisted");
        assertThat(owners)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(SHARED, "alpha", OWN, "zeta", "arn:aws:s3:::other", "alpha"));
    }
}
