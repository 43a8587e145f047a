package dev.cutover.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import dev.cutover.error.Problem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads the optional {@code cutover.yaml} of a run directory into a {@link RunConfig}: absent or empty means
 * the defaults; anything else must satisfy {@code cutover.schema.json} and the environment's poll floor, or
 * every problem is reported in one {@link ErrorCode#CONFIG_INVALID} failure.
 */
public final class RunConfigLoader {
    private static final String FILE = RunDirectory.CONFIG;
    private static final String POLL_INTERVAL = "poll_interval_seconds";
    private static final String POLL_TIMEOUT = "poll_timeout_seconds";

    private final SchemaValidator validator;

    public RunConfigLoader(SchemaValidator validator) {
        this.validator = validator;
    }

    /** Loads {@code cutover.yaml} from {@code dir}, or the defaults when the file does not exist. */
    public RunConfig load(RunDirectory dir) {
        if (!Files.exists(dir.file(FILE), LinkOption.NOFOLLOW_LINKS)) {
            return RunConfig.defaults();
        }
        InputFileReader.Read<byte[]> bytes = InputFileReader.readBytes(dir.root(), FILE);
        if (bytes.problem().isPresent()) {
            throw invalid(dir, List.of(bytes.problem().get()));
        }
        InputFileReader.Read<JsonNode> parsed =
                InputFileReader.parseYaml(bytes.content().orElseThrow(), FILE);
        if (parsed.problem().isPresent()) {
            throw invalid(dir, List.of(parsed.problem().get()));
        }
        JsonNode root = parsed.content().orElseThrow();
        if (root.isMissingNode() || root.isNull()) {
            return RunConfig.defaults();
        }
        programNamesAsText(root);
        List<Problem> problems = new ArrayList<>(validator.validate(CutoverSchema.RUN_CONFIG, FILE, root));
        problems.addAll(pollFloor(root));
        problems.addAll(noProgramAllowed(root));
        problems.addAll(webhookUrls(root));
        if (!problems.isEmpty()) {
            throw invalid(dir, problems);
        }
        return toConfig(root);
    }

    /**
     * YAML reads an unquoted {@code true} as a boolean, but in a program list it can only mean the program
     * {@code true} (FORMATS.md §1 writes {@code [aws, terraform, dig, true]}), so booleans there become names.
     */
    private static void programNamesAsText(JsonNode root) {
        JsonNode programs = root.path("allowed_programs");
        for (JsonNode list : List.of(programs, programs.path("read"), programs.path("write"))) {
            if (list instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isBoolean()) {
                        array.set(i, TextNode.valueOf(array.get(i).asText()));
                    }
                }
            }
        }
    }

    /**
     * An allowed_programs that allows nothing ({@code []}, or {@code {read: [], write: []}}) is a mistake, not a
     * policy: every command but {@code true} would be refused, so every step would be downgraded to a manual one
     * and every long-running step would fail to compile — with errors that blame the checklists.
     */
    private static List<Problem> noProgramAllowed(JsonNode root) {
        JsonNode programs = root.path("allowed_programs");
        boolean empty = programs.isArray()
                ? programs.isEmpty()
                : programs.isObject() && isEmptyList(programs.path("read")) && isEmptyList(programs.path("write"));
        if (!empty) {
            return List.of();
        }
        return List.of(new Problem(
                FILE,
                "/allowed_programs",
                "allowed_programs allows no program: every command but `true` would be refused, every step would"
                        + " become a manual one and no long-running step could be polled",
                "list the programs the checklists run, e.g. `allowed_programs: [aws, terraform, dig, true]`, or"
                        + " remove the key to use that list"));
    }

    private static boolean isEmptyList(JsonNode list) {
        return list.isMissingNode() || (list.isArray() && list.isEmpty());
    }

    /** The environment-dependent minimum of poll_interval_seconds, which a schema cannot express. */
    private static List<Problem> pollFloor(JsonNode root) {
        JsonNode interval = root.path(POLL_INTERVAL);
        if (!interval.isNumber()
                || (interval.isFloatingPointNumber() && !Double.isFinite(interval.doubleValue()))
                || interval.decimalValue().compareTo(java.math.BigDecimal.valueOf(1, 2)) < 0) {
            // absent, mistyped, beyond a double (YAML's 1e400 reads as infinity) or below the schema's minimum:
            // the schema reports it
            return List.of();
        }
        Duration asked = PollIntervals.of(interval.decimalValue());
        JsonNode configured = root.path("environment");
        Environment environment = configured.isMissingNode()
                ? Environment.PRODUCTION
                : Environment.fromConfigName(configured.asText()).orElse(null);
        if (environment == null || asked.compareTo(environment.minimumPollInterval()) >= 0) {
            return List.of();
        }
        String floor = environment.minimumPollIntervalText();
        return List.of(new Problem(
                FILE,
                "/" + POLL_INTERVAL,
                PollIntervals.seconds(asked) + " s is below the minimum of " + floor + " s for environment "
                        + environment.configName() + (configured.isMissingNode() ? " (the default)" : ""),
                "set " + POLL_INTERVAL + " to at least " + floor + ", or remove it to poll every "
                        + RunConfig.DEFAULT_POLL_INTERVAL_SECONDS + " s"));
    }

    private static RunConfig toConfig(JsonNode root) {
        Environment environment = Environment.fromConfigName(
                        root.path("environment").asText("production"))
                .orElseThrow();
        TerraformPreflight terraform = TerraformPreflight.fromConfigName(
                        root.path("terraform_preflight").asText("auto"))
                .orElseThrow();
        Optional<Duration> interval = root.hasNonNull(POLL_INTERVAL)
                ? Optional.of(PollIntervals.of(root.get(POLL_INTERVAL).decimalValue()))
                : Optional.empty();
        return new RunConfig(
                environment,
                programs(root.get("allowed_programs")),
                texts(root.path("identity_probes")),
                terraform,
                interval,
                root.hasNonNull(POLL_TIMEOUT)
                        ? PollIntervals.of(root.get(POLL_TIMEOUT).decimalValue())
                        : RunConfig.DEFAULT_POLL_TIMEOUT,
                approvers(root.path("approvers")),
                stakeholders(root.path("stakeholders")),
                webhooks(root.path("notifications")),
                root.hasNonNull("rto_minutes")
                        ? OptionalInt.of(root.get("rto_minutes").asInt())
                        : OptionalInt.empty());
    }

    private static List<Stakeholder> stakeholders(JsonNode array) {
        List<Stakeholder> out = new ArrayList<>();
        array.forEach(item -> out.add(new Stakeholder(
                item.path("team").asText(),
                item.path("contact").asText(),
                Optional.ofNullable(item.get("channel")).map(JsonNode::asText))));
        return out;
    }

    /** URLs the schema's pattern admits but {@link java.net.URI} cannot parse ({@code http://[::1}, {@code %zz}). */
    private static List<Problem> webhookUrls(JsonNode root) {
        List<Problem> out = new ArrayList<>();
        JsonNode targets = root.path("notifications");
        for (int i = 0; i < targets.size(); i++) {
            JsonNode url = targets.get(i).path("url");
            if (!url.isTextual()) {
                continue; // the schema reports it
            }
            try {
                java.net.URI.create(url.asText());
            } catch (IllegalArgumentException e) {
                // The reason only: the URL itself may hold a token and is never printed.
                String reason =
                        e.getCause() instanceof java.net.URISyntaxException syntax ? syntax.getReason() : "malformed";
                out.add(new Problem(
                        FILE,
                        "/notifications/" + i + "/url",
                        "not a valid URL: " + reason,
                        "write it as http(s)://host[:port]/path, percent-encoding special characters"));
            }
        }
        return out;
    }

    private static List<Webhook> webhooks(JsonNode array) {
        List<Webhook> out = new ArrayList<>();
        array.forEach(item -> out.add(new Webhook(
                item.path("name").asText(),
                java.net.URI.create(item.path("url").asText()),
                Webhook.Format.fromConfigName(item.path("format").asText("json")))));
        return out;
    }

    private static Map<String, List<String>> approvers(JsonNode node) {
        Map<String, List<String>> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), texts(e.getValue())));
        return out;
    }

    private static Optional<AllowedProgramNames> programs(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(
                node.isArray()
                        ? AllowedProgramNames.flat(texts(node))
                        : AllowedProgramNames.structured(texts(node.path("read")), texts(node.path("write"))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static CutoverException invalid(RunDirectory dir, List<Problem> problems) {
        List<Problem> sorted = ProblemOrder.sorted(problems);
        String count = sorted.size() == 1 ? "1 problem" : sorted.size() + " problems";
        return new CutoverException(ErrorCode.CONFIG_INVALID, count + " in " + dir.file(FILE), sorted);
    }
}
