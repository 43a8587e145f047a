package dev.cutover.input;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** resource-ownership.json: which team owns which resource ARN. */
public record ResourceOwnership(Map<String, Team> teams, List<String> unownedResources) {
    public ResourceOwnership {
        // Sorted so that "the team listing an ARN" does not depend on the key order in the file.
        teams = teams == null ? Map.of() : Map.copyOf(new TreeMap<>(teams));
        unownedResources = unownedResources == null ? List.of() : List.copyOf(unownedResources);
    }

    /** The alphabetically first team whose resources list {@code arn}. */
    public Optional<String> ownerOf(String arn) {
        return new TreeMap<>(teams)
                .entrySet().stream()
                        .filter(e -> e.getValue().resources().contains(arn))
                        .map(Map.Entry::getKey)
                        .findFirst();
    }

    public record Team(List<String> resources, String contact) {
        public Team {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }
}
