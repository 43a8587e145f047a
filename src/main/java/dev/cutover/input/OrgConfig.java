package dev.cutover.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation's {@code environments.yaml} (docs/environments.md): which accounts and systems belong to which
 * environment class, and each class's permissions.
 *
 * @param file where it was read from, for messages
 * @param environments the classes the file configures; others are {@link OrgEnvironment#unconfigured()}
 * @param identityProbe a read-only command for non-AWS systems that prints {@code ID [NAME]} lines, if configured
 */
public record OrgConfig(Path file, Map<Environment, OrgEnvironment> environments, Optional<String> identityProbe) {
    public OrgConfig {
        Objects.requireNonNull(file, "file");
        Map<Environment, OrgEnvironment> copy = new EnumMap<>(Environment.class);
        copy.putAll(environments);
        environments = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(identityProbe, "identityProbe");
    }

    /** Where an id or name was found: the class it belongs to and the JSON pointer of the entry that says so. */
    public record Mapping(Environment environment, String pointer) {}

    public OrgEnvironment environment(Environment environment) {
        return environments.getOrDefault(environment, OrgEnvironment.unconfigured());
    }

    /** The permissions of {@code environment}: the file's settings over the built-in defaults. */
    public Permissions permissions(Environment environment) {
        return environment(environment).permissions(environment);
    }

    /** The class an account or system id is listed under (the loader refuses an id listed twice). */
    public Optional<Mapping> classOfId(String id) {
        for (Map.Entry<Environment, OrgEnvironment> e : environments.entrySet()) {
            String at = "/environments/" + e.getKey().configName();
            int i = e.getValue().accounts().indexOf(id);
            if (i >= 0) {
                return Optional.of(new Mapping(e.getKey(), at + "/accounts/" + i));
            }
            i = e.getValue().systemIds().indexOf(id);
            if (i >= 0) {
                return Optional.of(new Mapping(e.getKey(), at + "/system_ids/" + i));
            }
        }
        return Optional.empty();
    }

    /** Whether any class lists account name patterns (only then are aliases worth looking up). */
    public boolean hasNamePatterns() {
        return environments.values().stream()
                .anyMatch(e -> !e.accountNamePatterns().isEmpty());
    }

    /** Every class whose name patterns match {@code name}, least strict first. */
    public List<Mapping> classesMatchingName(String name) {
        List<Mapping> out = new ArrayList<>();
        environments.forEach((env, config) -> {
            if (config.matchesName(name)) {
                out.add(new Mapping(env, "/environments/" + env.configName() + "/account_name_patterns"));
            }
        });
        return out;
    }
}
