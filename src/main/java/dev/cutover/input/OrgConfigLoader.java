package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds and reads the organisation's {@code environments.yaml}: {@code --org-config} wins over
 * {@code CUTOVER_ORG_CONFIG}. The file must satisfy {@code environments.schema.json}, list each account or system
 * id under one class only, and leave production's rules as strict as {@link Permissions#floor} says; otherwise
 * every problem is reported in one {@link ErrorCode#ORG_CONFIG_INVALID} failure (exit 2).
 */
public final class OrgConfigLoader {
    /** The environment variable naming the file when {@code --org-config} is not given. */
    public static final String ENV_VARIABLE = "CUTOVER_ORG_CONFIG";

    private final SchemaValidator validator;

    public OrgConfigLoader(SchemaValidator validator) {
        this.validator = validator;
    }

    /** The file to read: {@code flag} if given, else the variable if set and not blank; empty when neither. */
    public static Optional<Path> locate(Path flag, Map<String, String> environment) {
        if (flag != null) {
            return Optional.of(flag.toAbsolutePath().normalize());
        }
        String variable = environment.get(ENV_VARIABLE);
        return variable == null || variable.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(variable.strip()).toAbsolutePath().normalize());
    }

    /** Reads and validates {@code file}; throws {@link ErrorCode#ORG_CONFIG_INVALID} naming every problem. */
    public OrgConfig load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw invalid(
                    file,
                    List.of(new Problem(
                            name,
                            "",
                            Files.exists(file) ? "is not a regular file" : "does not exist",
                            "point --org-config or " + ENV_VARIABLE + " at the organisation's environments.yaml")));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(file, List.of(InputFileReader.unreadable(name, e)));
        }
        InputFileReader.Read<JsonNode> parsed = InputFileReader.parseYaml(bytes, name);
        if (parsed.problem().isPresent()) {
            throw invalid(file, List.of(parsed.problem().get()));
        }
        JsonNode root = parsed.content().orElseThrow();
        if (root.isMissingNode() || root.isNull()) {
            return new OrgConfig(file, Map.of(), Optional.empty());
        }
        List<Problem> problems = new ArrayList<>(validator.validate(CutoverSchema.ORG_ENVIRONMENTS, name, root));
        if (problems.isEmpty()) {
            problems.addAll(idsInOneClassOnly(name, root));
            problems.addAll(productionFloor(name, root.path("environments").path("production")));
        }
        if (!problems.isEmpty()) {
            throw invalid(file, problems);
        }
        return toConfig(file, root);
    }

    private static List<Problem> idsInOneClassOnly(String file, JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        root.path("environments").fields().forEachRemaining(cls -> {
            for (String key : List.of("accounts", "system_ids")) {
                JsonNode ids = cls.getValue().path(key);
                for (int i = 0; i < ids.size(); i++) {
                    String pointer = "/environments/" + cls.getKey() + "/" + key + "/" + i;
                    String first = seen.putIfAbsent(ids.get(i).asText(), pointer);
                    if (first != null) {
                        problems.add(new Problem(
                                file,
                                pointer,
                                ids.get(i).asText() + " is already listed at " + first,
                                "list each account or system id under exactly one environment class"));
                    }
                }
            }
        });
        return problems;
    }

    /** Production's rules cannot be lowered by configuration: a looser setting is an error, never ignored. */
    private static List<Problem> productionFloor(String file, JsonNode production) {
        Permissions floor = Permissions.floor(Environment.PRODUCTION);
        List<Problem> problems = new ArrayList<>();
        String at = "/environments/production/";
        text(production, "approval", ApprovalMode::fromConfigName)
                .filter(mode -> mode.looserThan(floor.approval()))
                .ifPresent(mode -> problems.add(new Problem(
                        file,
                        at + "approval",
                        "production approval is always per-step; " + mode.configName() + " would lower it",
                        "remove the key or set it to per-step")));
        text(production, "direct_mutation", DirectMutation::fromConfigName)
                .filter(mode -> mode.compareTo(floor.directMutation()) < 0)
                .ifPresent(mode -> problems.add(new Problem(
                        file,
                        at + "direct_mutation",
                        "direct mutation of production is at least discouraged; " + mode.configName()
                                + " would lower it",
                        "remove the key, or set it to discouraged or pipeline-only")));
        text(production, "answers_file", AnswersFiles::fromConfigName)
                .filter(mode -> mode == AnswersFiles.ALLOWED)
                .ifPresent(mode -> problems.add(new Problem(
                        file,
                        at + "answers_file",
                        "production never takes answers from a file: every decision is a human's",
                        "remove the key or set it to refused")));
        if (production.path("rehearsal_required").isBoolean()
                && !production.path("rehearsal_required").asBoolean()) {
            problems.add(new Problem(
                    file,
                    at + "rehearsal_required",
                    "production always requires rehearsal evidence",
                    "remove the key or set it to true"));
        }
        return problems;
    }

    private static OrgConfig toConfig(Path file, JsonNode root) {
        Map<Environment, OrgEnvironment> classes = new EnumMap<>(Environment.class);
        root.path("environments")
                .fields()
                .forEachRemaining(e ->
                        classes.put(Environment.fromConfigName(e.getKey()).orElseThrow(), toEnvironment(e.getValue())));
        Optional<String> probe = root.hasNonNull("identity_probe")
                ? Optional.of(root.get("identity_probe").asText())
                : Optional.empty();
        return new OrgConfig(file, classes, probe);
    }

    private static OrgEnvironment toEnvironment(JsonNode node) {
        return new OrgEnvironment(
                texts(node.path("accounts")),
                texts(node.path("system_ids")),
                texts(node.path("account_name_patterns")),
                text(node, "approval", ApprovalMode::fromConfigName),
                text(node, "direct_mutation", DirectMutation::fromConfigName),
                text(node, "answers_file", AnswersFiles::fromConfigName),
                node.path("rehearsal_required").isBoolean()
                        ? Optional.of(node.get("rehearsal_required").asBoolean())
                        : Optional.empty());
    }

    private static <T> Optional<T> text(JsonNode node, String key, Function<String, Optional<T>> parse) {
        return node.hasNonNull(key) ? parse.apply(node.get(key).asText()) : Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static CutoverException invalid(Path file, List<Problem> problems) {
        List<Problem> sorted = ProblemOrder.sorted(problems);
        String count = sorted.size() == 1 ? "1 problem" : sorted.size() + " problems";
        return new CutoverException(ErrorCode.ORG_CONFIG_INVALID, count + " in " + file, sorted);
    }
}
