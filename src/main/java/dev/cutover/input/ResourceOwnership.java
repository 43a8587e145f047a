package dev.cutover.input;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** resource-ownership.json: which team owns which resource ARN. */
public record ResourceOwnership(Map<String, Team> teams, List<String> unownedResources) {
    public ResourceOwnership {
        // Sorted so that "the team listing an ARN" does not depend on the key order in the file.
        teams = teams == null ? Map.of() : Map.copyOf(new TreeMap<>(teams));
        unownedResources = unownedResources == null ? List.of() : List.copyOf(unownedResources);
    }

    /**
     * Every listed resource ARN with its owner, the alphabetically first team listing it: built in one pass over
     * the teams, so a caller asking for each of many resources need not scan every team's list each time.
     */
    public Map<String, String> ownersByArn() {
        Map<String, String> owners = new HashMap<>();
        new TreeMap<>(teams)
                .forEach((team, listing) -> listing.resources().forEach(arn -> owners.putIfAbsent(arn, team)));
        return owners;
    }

    public record Team(List<String> resources, String contact) {
        public Team {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }
}
